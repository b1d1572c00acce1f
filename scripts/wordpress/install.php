<?php
// Installs the test site once (wp_install, as wp-admin/install.php does), then makes
// sure of the Author user and the theme on every run. Called by setup.sh.
define('WP_INSTALLING', true);
require __DIR__ . '/bootstrap.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

if (!is_blog_installed()) {
  // No mail on this machine: wp_install's "new site" mail would only fail.
  add_filter('pre_wp_mail', '__return_true');
  $r = wp_install('sard on WordPress', 'admin', 'admin@example.invalid', true, '', wp_slash('admin-pass'));
  echo "[install] WordPress {$GLOBALS['wp_version']} installed, admin user id {$r['user_id']}\n";
} else {
  echo "[install] WordPress {$GLOBALS['wp_version']} already installed\n";
}

$author = get_user_by('login', 'author');
if (!$author) {
  $id = wp_insert_user(['user_login' => 'author', 'user_pass' => 'author-pass', 'user_email' => 'author@example.invalid', 'role' => 'author', 'display_name' => 'An Author']);
  if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message() . "\n"); exit(1); }
  $author = get_user_by('id', $id);
  echo "[install] Author user created, id $id\n";
}
$caps = fn ($u) => user_can($u, 'unfiltered_html') ? 'has unfiltered_html' : 'no unfiltered_html';
echo '[install] admin: ' . $caps(get_user_by('login', 'admin')) . '; author (' . implode(',', $author->roles) . '): ' . $caps($author) . "\n";

$theme = wp_get_theme('twentytwentythree');
if ($theme->exists() && get_stylesheet() !== 'twentytwentythree') switch_theme('twentytwentythree');
echo '[install] theme: ' . wp_get_theme()->get('Name') . ' ' . wp_get_theme()->get('Version') . "\n";
// Plain permalinks (?p=ID): nothing depends on rewrite rules.
if (get_option('permalink_structure') !== '') update_option('permalink_structure', '');
