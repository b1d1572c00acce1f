<?php
// Loads WordPress from the command line as if a request came to the test site
// (Debian's wp-config.php picks /etc/wordpress/config-<host>.php from HTTP_HOST).
$port = getenv('WP_PORT') ?: '8090';
$_SERVER['HTTP_HOST'] = "127.0.0.1:$port";
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['SERVER_PORT'] = $port;
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
require_once '/usr/share/wordpress/wp-load.php';
