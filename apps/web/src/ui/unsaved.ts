// Whether a form's edited copy differs from what the server holds (null: not loaded yet).
// Both sides are built the same way (the form's state is a copy of the stored value), so JSON
// text compares them field by field.
export const differs = (edited: unknown, stored: unknown): boolean =>
  edited !== null && edited !== undefined && stored !== null && stored !== undefined && JSON.stringify(edited) !== JSON.stringify(stored);
