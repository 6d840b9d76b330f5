// The query engine shared by chart blocks and `{{ }}` figures.
export { datasetView, datasetNames, villageIndex } from './view.ts';
export { resolveColumn, resolveDataset } from './resolve.ts';
export { compileWhere, filterRows, splitConditions, type Condition } from './where.ts';
export { aggregate, aggregates, isAggregate, type Aggregate, type Figure } from './aggregate.ts';
export { evaluateFigure, parseFigureExpression, type FigureExpression } from './figure.ts';
export { buildChartSpec, type ChartQuery } from './chart.ts';
export type { DatasetView, QueryError, QueryResult, ViewColumn, ViewRecord, ViewType, ViewValue } from './types.ts';
