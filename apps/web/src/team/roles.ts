// How the app names and explains each role (the rules themselves are the server's table).
export const ROLE_OPTIONS = [
  { id: 'owner', label: 'Owner', help: 'Everything, including owners and billing-level settings' },
  { id: 'admin', label: 'Admin', help: 'Users, sending limits and everything a marketer can do' },
  { id: 'marketer', label: 'Marketer', help: 'Journeys, segments, templates and publishing' },
  { id: 'manager', label: 'Manager', help: 'Reads everything, analytics and exports; approves publishing' },
  { id: 'developer', label: 'Developer', help: 'Ingestion keys, Shopify and other integrations; reads the rest' },
  { id: 'viewer', label: 'Viewer', help: 'Reads journeys, segments, templates and customers' },
] as const;

export type RoleId = (typeof ROLE_OPTIONS)[number]['id'];
export const roleLabel = (id: string) => ROLE_OPTIONS.find((r) => r.id === id)?.label ?? id;
