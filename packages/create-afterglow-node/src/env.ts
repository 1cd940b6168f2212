// The scaffolder's one read of its environment: which package manager ran it
// (`pnpm create`, `npm init`, `yarn create`, `bun create` set npm_config_user_agent).
export function packageManager(): 'npm' | 'pnpm' | 'yarn' | 'bun' {
  const agent = process.env.npm_config_user_agent ?? '';
  return (/^(pnpm|yarn|bun)\//.exec(agent)?.[1] as 'pnpm' | 'yarn' | 'bun' | undefined) ?? 'npm';
}
