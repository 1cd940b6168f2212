// What a chart shows, independent of the library that draws it: named categories along the
// bottom (tiers, days, weeks) and one or more series of numbers over them.
export interface ChartSeries {
  label: string;
  values: number[];
  /** A CSS colour (hex): the line or the bar, its swatch in the legend. */
  color: string;
}

export interface ChartData {
  kind: 'bars' | 'lines';
  categories: string[];
  series: ChartSeries[];
  /** Numbers on the axis and in the table, in the reader's locale. */
  formatValue(value: number): string;
}
