// The roles of a workspace, after the product's three users (marketers draw journeys,
// managers read analytics, developers connect the shop) plus administration. What each
// may do is one table: trpc/permissions.ts.
export const ROLES = ['owner', 'admin', 'marketer', 'manager', 'developer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);
