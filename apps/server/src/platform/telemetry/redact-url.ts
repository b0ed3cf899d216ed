/** Query parameters that carry credentials: stream tickets, access tokens, webhook secrets, signatures. */
const SECRET_PARAMETERS = new Set(['access_token', 'ticket', 'secret', 'token', 'signature']);

function nameOf(pair: string): string {
  const [raw = ''] = pair.split('=', 1);
  try {
    return decodeURIComponent(raw.replaceAll('+', ' ')).toLowerCase();
  } catch {
    return raw.toLowerCase();
  }
}

/** The URL with the value of every credential in its query replaced, for logs. */
export function redactUrl(url: string): string {
  const query = url.indexOf('?');
  if (query === -1) return url;
  const pairs = url
    .slice(query + 1)
    .split('&')
    .map((pair) => (SECRET_PARAMETERS.has(nameOf(pair)) ? `${pair.split('=', 1)[0]}=[redacted]` : pair));
  return `${url.slice(0, query)}?${pairs.join('&')}`;
}
