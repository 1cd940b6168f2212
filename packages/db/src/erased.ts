// An erased customer's rows that are kept (orders for revenue, ended runs and sent emails for a
// journey's counts) lose their customer: they are moved to this id, which no customer has
// (ingestion refuses empty ids). The order triggers leave it out of every aggregate
// (drizzle/0027_customer_erasure.sql), so it is in no segment and enters no journey.
export const ERASED_CUSTOMER_ID = '';
