<?php
// Router for PHP's built-in server: php -S 127.0.0.1:8090 -t /usr/share/wordpress router.php
// Files under the document root are served as they are (PHP files run); /wp-content/ also
// looks in Debian's WP_CONTENT_DIR (/var/lib/wordpress/wp-content, the Apache "Alias"
// README.Debian asks for); everything else goes to WordPress's index.php.
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
$root = $_SERVER['DOCUMENT_ROOT'];
if (str_contains($path, '..')) { http_response_code(400); return true; }
if ($path !== '/' && file_exists($root . $path)) return false;
if (str_starts_with($path, '/wp-content/')) {
  $file = '/var/lib/wordpress' . $path;
  if (is_file($file) && !preg_match('/\.php$/i', $file)) {
    $types = ['css' => 'text/css', 'js' => 'text/javascript', 'svg' => 'image/svg+xml', 'png' => 'image/png', 'jpg' => 'image/jpeg', 'woff2' => 'font/woff2', 'json' => 'application/json'];
    header('Content-Type: ' . ($types[strtolower(pathinfo($file, PATHINFO_EXTENSION))] ?? 'application/octet-stream'));
    readfile($file);
    return true;
  }
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
require $root . '/index.php';
