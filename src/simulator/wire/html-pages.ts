/** The HTML pages a client can meet instead of XML/JSON: werkzeug's 404/405 and an nginx 502. */

export const NOT_FOUND_HTML =
  '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n' +
  '<p>The requested URL was not found on the server. If you entered the URL manually please check your ' +
  'spelling and try again.</p>\n';

export const METHOD_NOT_ALLOWED_HTML =
  '<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n<h1>Method Not Allowed</h1>\n' +
  '<p>The method is not allowed for the requested URL.</p>\n';

export const BAD_GATEWAY_HTML =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n' +
  '<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** Odoo 19 on a multi-database server when no database is selected (or the named one is unknown). */
export const NO_DATABASE_HTML =
  '<!DOCTYPE html>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n' +
  '<p>No database is selected and the requested URL was not found in the server-wide controllers.</p>\n' +
  '<p>Please verify the hostname, <a href=/web/login>login</a> and try again.</p>\n\n' +
  '<!-- Alternatively, use the X-Odoo-Database header. -->\n';

/** JSON-2 with a Content-Type other than JSON. */
export const JSON2_UNSUPPORTED_MEDIA_HTML =
  '<!doctype html>\n<html lang=en>\n<title>415 Unsupported Media Type</title>\n<h1>Unsupported Media Type</h1>\n' +
  '<p>Request inferred type is compatible with [&#39;http&#39;] but ' +
  '&#39;/json/2/&lt;__model__&gt;/&lt;__method__&gt;&#39; is type=&#39;json2&#39;.<br><br>' +
  'Please verify the Content-Type request header and try again.</p>\n';

/** werkzeug's redirect page (303 after `/web/session/logout`). */
export function redirectHtml(location: string): string {
  return (
    '<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n' +
    `<p>You should be redirected automatically to the target URL: <a href="${location}">${location}</a>. ` +
    'If not, click the link.\n'
  );
}
