// The roles the app offers, in order of reach (the rules themselves are the server's table). Their
// names and what each may do are in the `team` catalogue: role.<id> and roleHelp.<id>.
export const ROLE_IDS = ['owner', 'admin', 'marketer', 'manager', 'developer', 'viewer'] as const;

export type RoleId = (typeof ROLE_IDS)[number];
