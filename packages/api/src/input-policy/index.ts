export { inputIssues, MAX_DEPTH, type InputIssue } from './inspect';
export { fitsMoney, int4, INT4_MAX, money, MONEY_MAX, moneyMessage, QUANTITY_MAX } from './limits';
