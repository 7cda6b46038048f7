/**
 * Passwords a guesser tries first. Throttling allows a handful of guesses per lock, so a password from this list
 * (or one made of a repeated character, a run, a keyboard row or the user's own name) would fall within them.
 * Compared in lower case, after removing spaces.
 */
const COMMON = new Set([
  'password', 'password1', 'password12', 'password123', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'pa$$word', 'passwort',
  'administrator', 'admin123', 'admin1234', 'admin888', 'administrator1', 'root1234', 'toor1234', 'welcome1', 'welcome123',
  'letmein1', 'iloveyou', 'iloveyou1', 'sunshine', 'princess', 'football', 'baseball', 'superman', 'trustno1',
  'qwertyui', 'qwerty12', 'qwerty123', 'qwerty1234', 'qwertyuiop', 'asdfghjk', 'asdfghjkl', 'zxcvbnm1', 'zxcvbnm123',
  '1qaz2wsx', '1q2w3e4r', '1q2w3e4r5t', 'qaz123456', 'q1w2e3r4', 'a1b2c3d4', 'abc12345', 'abc123456', 'a1234567',
  'a12345678', 'aa123456', 'aa12345678', 'abcd1234', '1234abcd', 'abcdefg1', 'woaini1314', 'woaini520', 'woaini123',
  '5201314520', '1314520520', 'nihao123', 'zhang123', 'wang1234', 'li123456', 'changeme', 'default1', 'normdesk',
  'normdesk1', 'normdesk123', 'gov12345', 'zhengfu123', 'test1234', 'test12345', 'testtest', 'guest123', 'user1234',
  '123qwe123', '123qweasd', 'qweasdzxc', 'qweasd123', '147258369', '159357456', '987654321a', 'a123456789',
  '12344321', '11223344', '112233445566', '123123123', '123321123', '520520520', '1314521', '13145201314',
]);

/** Keyboard rows, both ways: `qwertyui`, `asdfghjk`, `zxcvbnm`, `1234567890`. */
const ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1qaz2wsx3edc4rfv', 'qazwsxedcrfv'];

/** Every step the same (+1, −1 or 0): 12345678, 87654321, abcdefgh, aaaaaaaa. */
function isRun(s: string): boolean {
  const step = s.charCodeAt(1) - s.charCodeAt(0);
  if (Math.abs(step) > 1) return false;
  for (let i = 2; i < s.length; i++) if (s.charCodeAt(i) - s.charCodeAt(i - 1) !== step) return false;
  return true;
}

/** A short piece repeated: 12121212, abcabcabc, 5201314 5201314. */
function isRepeatedPiece(s: string): boolean {
  for (let n = 1; n <= s.length / 2; n++) {
    if (s.length % n !== 0) continue;
    if (s.slice(0, n).repeat(s.length / n) === s) return true;
  }
  return false;
}

/**
 * Why a password is too easy to guess, in Chinese, or null when it is acceptable. The length limits are the
 * contract's (PASSWORD_MIN); this adds what length alone does not catch.
 */
export function weakPasswordReason(password: string, userName = ''): string | null {
  const p = password.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  if (p.length === 0) return '密码不能全是空格';
  if (isRun(p) && new Set(p).size === 1) return '密码不能由同一个字符重复组成（如 aaaaaaaa）';
  if (isRun(p)) return '密码不能是连续的字符序列（如 12345678、abcdefgh）';
  if (isRepeatedPiece(p)) return '密码不能由一小段字符重复组成（如 12121212、abcabcabc）';
  if (ROWS.some((row) => row.includes(p) || [...row].reverse().join('').includes(p))) return '密码不能是键盘上相邻的一排键（如 qwertyui）';
  if (COMMON.has(p)) return '这是最常见的密码之一，很容易被猜中，请换一个';
  if (new Set(p).size < 4) return '密码至少要包含 4 个不同的字符';
  const name = userName.normalize('NFKC').toLowerCase().trim();
  if (name.length >= 2 && (p.includes(name) || p.includes([...name].reverse().join('')))) return '密码不能包含用户名';
  return null;
}
