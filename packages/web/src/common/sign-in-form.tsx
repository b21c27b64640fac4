import { useState, type ReactNode } from 'react';

/**
 * The sign-in page of either app: a name and a password handed to `signIn`, which throws to refuse
 * (its message is shown). `extra` adds another way in (the admin center's organisation sign-in).
 */
export function SignInForm({ title, nameLabel, signIn, extra }: {
  readonly title: string;
  readonly nameLabel: string;
  readonly signIn: (name: string, password: string) => Promise<void>;
  readonly extra?: ReactNode;
}): JSX.Element {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (): Promise<void> => {
    try {
      await signIn(name, password);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <main className="op-signin">
      <h1>{title}</h1>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <label>{nameLabel} <input autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} required /></label>
        <label>Password <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required /></label>
        <button type="submit">Sign in</button>
        {extra}
      </form>
      {error && <p role="alert">{error}</p>}
    </main>
  );
}
