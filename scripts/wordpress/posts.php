<?php
// Saves the three embed forms as WordPress posts, as an administrator and as an
// Author, through wp_insert_post with that user current: for the Author (no
// unfiltered_html) kses filters the content on save exactly as the editor's save
// does. Prints, per post, which tags and attributes kses removed and the start of
// the stored post_content; the whole stored content goes to
// $SARD_WP_STATE/stored/<slug>.html, the list of posts to $SARD_WP_STATE/posts.json.
//
//   php scripts/wordpress/posts.php            # (re)writes the posts: same slugs, same ids
//   php scripts/wordpress/posts.php --full     # also prints every stored post_content whole
//
// The story text comes from stories/aleppo-2016.html (Arabic, RTL) and
// stories/aleppo-2016.en.html (English); each post is one Custom HTML block
// (<!-- wp:html -->), as an editor would paste it.
require __DIR__ . '/bootstrap.php';

$root = dirname(__DIR__, 2);
$static = defined('SARD_STATIC') ? SARD_STATIC : 'http://127.0.0.1:' . (getenv('STATIC_PORT') ?: '8091');
$state = getenv('SARD_WP_STATE') ?: '/tmp/sard-wp';
$full = in_array('--full', $argv, true);
@mkdir("$state/stored", 0777, true);

/** The <sard-story>…</sard-story> of a story page, its URLs made absolute on the static server. */
function story_markup(string $file, string $static): string {
  $html = file_get_contents($file);
  if (!preg_match('~<sard-story\b.*?</sard-story>~s', $html, $m)) throw new RuntimeException("no <sard-story> in $file");
  $story = preg_replace('~(src|href)="\.\./~', "$1=\"$static/", $m[0]);
  // The gallery's own classes for the graphic wrapper are styled by gallery.css, which a
  // WordPress page does not have: use the documented classes the kit itself styles.
  return str_replace(['class="story-graphic"', 'class="story-counters"'], ['class="sard-graphic"', 'class="sard-counters"'], $story);
}

/** The plain-HTML form of the same story: one <section data-event> per step, no graphic, no sources. */
function plain_markup(string $story, string $static): string {
  preg_match('~<sard-story\b[^>]*\bsrc="([^"]*)"~', $story, $src);
  preg_match_all('~<sard-step\b[^>]*\bevent="([^"]*)"[^>]*>(.*?)</sard-step>~s', $story, $steps, PREG_SET_ORDER);
  $sections = array_map(fn ($s) => "  <section data-event=\"{$s[1]}\">{$s[2]}</section>", $steps);
  return "<div data-sard-story data-src=\"{$src[1]}\">\n" . implode("\n", $sections) . "\n</div>";
}

$ar = story_markup("$root/stories/aleppo-2016.html", $static);
$en = story_markup("$root/stories/aleppo-2016.en.html", $static);
$script = "<script src=\"$static/dist/sard.iife.js\"></script>\n";
$iframe = "<iframe src=\"$static/dist/embed/aleppo-2016.html\" data-sard-embed loading=\"lazy\" title=\"حلب ٢٠١٦: من الحصار إلى الخروج الكبير\"></iframe>\n"
  . "<script src=\"$static/dist/sard-embed.js\"></script>";

$posts = [
  ['slug' => 'sard-a-script-admin', 'role' => 'administrator', 'form' => 'script', 'title' => 'a. Script form, saved by an administrator', 'html' => $script . $ar],
  ['slug' => 'sard-b-script-author', 'role' => 'author', 'form' => 'script', 'title' => 'b. Script form, saved by an Author (kses)', 'html' => $script . $ar],
  ['slug' => 'sard-c-plain-author', 'role' => 'author', 'form' => 'plain', 'title' => 'c. Plain-HTML form, saved by an Author (kses)', 'html' => plain_markup($ar, $static)],
  ['slug' => 'sard-d-plain-rtl-author', 'role' => 'author', 'form' => 'plain', 'title' => 'd. Plain-HTML form in <div lang="ar" dir="rtl">, saved by an Author (kses)', 'html' => "<div lang=\"ar\" dir=\"rtl\">\n" . plain_markup($ar, $static) . "\n</div>"],
  ['slug' => 'sard-e-iframe-admin', 'role' => 'administrator', 'form' => 'iframe', 'title' => 'e. Iframe form, saved by an administrator', 'html' => $iframe],
  ['slug' => 'sard-f-iframe-author', 'role' => 'author', 'form' => 'iframe', 'title' => 'f. Iframe form, saved by an Author (kses)', 'html' => $iframe],
  ['slug' => 'sard-g-plain-en-author', 'role' => 'author', 'form' => 'plain', 'title' => 'g. Plain-HTML form, English story, saved by an Author (kses)', 'html' => plain_markup($en, $static)],
];

/** Tag name => [count, [attribute names]] of some HTML (regex: enough for this markup, no DOM extension needed). */
function inventory(string $html): array {
  $out = [];
  preg_match_all('~<([a-zA-Z][\w-]*)((?:[^>"\']|"[^"]*"|\'[^\']*\')*)>~', $html, $tags, PREG_SET_ORDER);
  foreach ($tags as [, $tag, $attrs]) {
    $tag = strtolower($tag);
    $out[$tag] ??= [0, []];
    $out[$tag][0]++;
    preg_match_all('~([^\s"\'>/=]+)(?:\s*=\s*(?:"[^"]*"|\'[^\']*\'|[^\s>]+))?~', $attrs, $names);
    foreach ($names[1] as $n) $out[$tag][1][strtolower($n)] = true;
  }
  return $out;
}

/** What kses took away: tags (with how many were lost) and, for kept tags, attributes. */
function removed(string $before, string $after): array {
  [$b, $a] = [inventory($before), inventory($after)];
  $tags = [];
  $attrs = [];
  foreach ($b as $tag => [$count, $names]) {
    $left = $a[$tag][0] ?? 0;
    if ($left < $count) $tags[$tag] = "$count -> $left";
    if ($left) foreach (array_keys($names) as $n) if (!isset($a[$tag][1][$n])) $attrs[] = "$tag@$n";
  }
  return ['tags' => $tags, 'attributes' => $attrs];
}

$users = ['administrator' => get_user_by('login', 'admin'), 'author' => get_user_by('login', 'author')];
if (!$users['administrator'] || !$users['author']) { fwrite(STDERR, "run scripts/wordpress/setup.sh first\n"); exit(1); }

$list = [];
foreach ($posts as $p) {
  $user = $users[$p['role']];
  // As the editor's save: kses_init() runs on set_current_user and adds the
  // content_save_pre kses filters for a user without unfiltered_html (removes them for one with it).
  wp_set_current_user($user->ID);
  $content = "<!-- wp:html -->\n{$p['html']}\n<!-- /wp:html -->";
  $existing = get_page_by_path($p['slug'], OBJECT, 'post');
  $data = ['post_title' => $p['title'], 'post_name' => $p['slug'], 'post_content' => $content, 'post_status' => 'publish', 'post_author' => $user->ID, 'post_type' => 'post'];
  if ($existing) $data['ID'] = $existing->ID;
  $id = wp_insert_post(wp_slash($data), true);
  if (is_wp_error($id)) { fwrite(STDERR, "{$p['slug']}: " . $id->get_error_message() . "\n"); exit(1); }
  clean_post_cache($id);
  $stored = get_post($id)->post_content;
  file_put_contents("$state/stored/{$p['slug']}.html", $stored);
  $gone = removed($content, $stored);
  $list[] = ['slug' => $p['slug'], 'id' => $id, 'url' => home_url("/?p=$id"), 'form' => $p['form'], 'role' => $p['role'],
    'unfiltered_html' => user_can($user, 'unfiltered_html'), 'unchanged' => $stored === $content,
    'bytes' => ['pasted' => strlen($content), 'stored' => strlen($stored)], 'removed' => $gone];

  echo "\n=== {$p['slug']} (post $id, {$p['form']} form, saved by {$p['role']}, " . (user_can($user, 'unfiltered_html') ? 'unfiltered_html' : 'kses') . ") " . home_url("/?p=$id") . "\n";
  if ($stored === $content) echo "stored exactly as pasted\n";
  else {
    echo 'removed tags: ' . ($gone['tags'] ? implode(', ', array_map(fn ($t, $c) => "<$t> ($c)", array_keys($gone['tags']), $gone['tags'])) : 'none') . "\n";
    echo 'removed attributes (on tags that stayed): ' . ($gone['attributes'] ? implode(', ', $gone['attributes']) : 'none') . "\n";
  }
  echo "post_content as stored ({$list[count($list) - 1]['bytes']['stored']} bytes" . ($full ? '' : "; whole in $state/stored/{$p['slug']}.html") . "):\n";
  if ($full || strlen($stored) <= 1600) echo $stored, "\n";
  else echo substr($stored, 0, strrpos(substr($stored, 0, 1200), "\n") ?: 1200), "\n  […]\n", substr($stored, strpos($stored, "\n", strlen($stored) - 400) ?: -400), "\n";
}
wp_set_current_user(0);
file_put_contents("$state/posts.json", json_encode($list, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE) . "\n");
echo "\nposts: $state/posts.json\n";
