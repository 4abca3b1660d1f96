/** An auth block must carry the credentials of its type, and only those. */
import { RawAuth } from './raw-types';
import { Report } from './report';
import { KeyPath } from './yaml-source';

export function checkAuth(auth: RawAuth, keyPath: KeyPath, report: Report): void {
  if (auth.type === 'bearer' && (auth.tokens ?? []).length === 0) {
    report([...keyPath, 'tokens'], 'bearer auth needs at least one token', 'tokens: ["${API_TOKEN}"]');
  }
  if (auth.type === 'basic' && (auth.users ?? []).length === 0) {
    report(
      [...keyPath, 'users'],
      'basic auth needs at least one user',
      'users: [{ username: shop, password: "${SHOP_PASSWORD}" }]',
    );
  }
  if (auth.type !== 'bearer' && auth.tokens !== undefined) {
    report([...keyPath, 'tokens'], `is only used by \`type: bearer\`, not \`type: ${auth.type}\``);
  }
  if (auth.type !== 'basic' && auth.users !== undefined) {
    report([...keyPath, 'users'], `is only used by \`type: basic\`, not \`type: ${auth.type}\``);
  }
  const seen = new Set<string>();
  (auth.users ?? []).forEach((user, index) => {
    if (seen.has(user.username)) report([...keyPath, 'users', index, 'username'], 'is listed twice');
    seen.add(user.username);
  });
}
