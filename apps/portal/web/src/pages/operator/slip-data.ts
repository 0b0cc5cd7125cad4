/** What the workstation puts in the slip link's fragment (never sent to a server): login and password. */
export interface SlipData {
  login: string;
  password: string;
}

export function readSlipFragment(hash: string): SlipData | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const login = params.get('login');
  const password = params.get('password');
  return login && password ? { login, password } : null;
}
