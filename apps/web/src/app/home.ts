/** The page at '/': managers read results, so theirs is the dashboard; everyone else builds journeys. */
export type Home = '/dashboard' | '/journeys';
export const homeOf = (role: string): Home => (role === 'manager' ? '/dashboard' : '/journeys');
