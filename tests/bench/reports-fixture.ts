// The world the reports section of `pnpm bench` reads: one journey (trigger, an A/B split, an
// email per arm, a wait, a second email, a wait, a third email, points, exit) published twice,
// with 1,000,000 runs (--quick: 100,000) entered over 90 days by a quarter as many customers,
// and their walks: 11 steps for a run that finished, about 10.5M steps in all. Built set-based
// (generate_series, in chunks of 100,000 runs), through the real tables and their triggers
// (journey_node_passes, the entries rollup, the place counts, the order aggregates and their
// repeat cohorts); the rollups of the email and order events (journey_daily's sent..revenue,
// journey_node_counts, journey_group_totals, workspace_daily) are written as their triggers
// would have summed them.
import type { Database } from '@afterglow/db';
import type { JourneyGraph } from '@afterglow/journey-core';
import type { NodeRegistry } from '@afterglow/node-sdk';
import { publishGraph } from '../support/journeys';

export const WS = 'ws_report_bench';
export const JOURNEY = 'j_report';
export const END = new Date('2026-06-01T00:00:00Z');
const CHUNK = 100_000;
/** Run g's id: its md5, shaped as a version 4 UUID (the API takes only those). */
export const runIdOf = (sql: Database['sql'], g: string | number) =>
  sql`overlay(overlay(md5('run' || ${sql.unsafe(String(g))}) placing '4' from 13) placing '8' from 17)::uuid`;
const at = { x: 0, y: 0 };
const body = '<mjml><mj-body><mj-section><mj-column><mj-text>Hi {{ customer.firstName }}</mj-text></mj-column></mj-section></mj-body></mjml>';
const mail = (id: string, subject: string) =>
  ({ id, type: 'core/send-email', position: at, config: { templateId: '', subject, preheader: '', body, kind: 'marketing', whenCapped: 'skip' } });
const wait = (id: string) => ({ id, type: 'core/wait', position: at, config: { mode: 'duration', amount: 3, unit: 'days', weekday: -1, hour: 10 } });
const edge = (source: string, sourceHandle: string, target: string) => ({ id: `${source}-${sourceHandle}`, source, sourceHandle, target });

function graphOf(registry: NodeRegistry): JourneyGraph {
  const graph: JourneyGraph = {
    nodes: [
      { id: 't', type: 'core/trigger-event', position: at, config: { event: 'Order Completed', filters: [], entryKeyProperty: 'order_id' } },
      { id: 'split', type: 'core/ab-split', position: at, config: { arms: [{ id: 'a', name: 'Plain', weight: 50 }, { id: 'b', name: 'Gift', weight: 50 }] } },
      mail('mail_a', 'Thanks'), mail('mail_b', 'A gift'), wait('wait1'), mail('mail2', 'How is it?'), wait('wait2'), mail('mail3', 'Review it'),
      { id: 'points', type: 'core/grant-points', position: at, config: { amount: 5, reason: 'bench' } },
      { id: 'exit', type: 'core/exit', position: at, config: registry.get('core/exit')!.defaults as Record<string, unknown> },
    ],
    edges: [edge('t', 'out', 'split'), edge('split', 'a', 'mail_a'), edge('split', 'b', 'mail_b'), edge('mail_a', 'out', 'wait1'),
      edge('mail_b', 'out', 'wait1'), edge('wait1', 'out', 'mail2'), edge('mail2', 'out', 'wait2'), edge('wait2', 'out', 'mail3'),
      edge('mail3', 'out', 'points'), edge('points', 'out', 'exit')],
  };
  // Each step on its type's newest version, as the editor saves it.
  return { ...graph, nodes: graph.nodes.map((n) => ({ ...n, typeVersion: registry.get(n.type)!.version })) };
}

interface ReportWorld { runs: number; customers: number; steps: number; versions: [string, string] }

/** Run g's place: 94% finished (11 steps), 3% waiting at wait1, 2% at wait2, 1% failed at mail2. */
export async function buildReportWorld(db: Database, registry: NodeRegistry, runs: number): Promise<ReportWorld> {
  const { sql } = db;
  const customers = runs / 4;
  await sql`insert into workspaces (id, name, signing_secret) values (${WS}, 'Bench shop', 's')`;
  await sql`insert into customers (workspace_id, id, email, first_name, created_at, updated_at)
    select ${WS}, 'c' || g, 'c' || g || '@example.com', 'C' || g, '2024-01-01', '2024-01-01' from generate_series(1, ${customers}) g`;
  // Two orders per customer over two years (the dashboard's cohorts read them).
  await sql`insert into orders (workspace_id, id, customer_id, total, placed_at)
    select ${WS}, 'o' || g || '-' || k, 'c' || g, 20 + g % 80, ${END}::timestamptz - ((g * 7 + k * 131) % 720 + 1) * interval '1 day'
    from generate_series(1, ${customers}) g, generate_series(1, 2) k`;
  const graph = graphOf(registry);
  const v1 = await publishGraph(db, registry, WS, JOURNEY, graph);
  const v2 = await publishGraph(db, registry, WS, JOURNEY, graph);
  const step = (node: string, outcome: string, branch?: string) => sql`jsonb_build_object('node', ${node}::text, 'outcome', ${outcome}::text
    ${branch ? sql`, 'branch', ${sql.unsafe(branch)}` : sql``})`;
  for (let lo = 1; lo <= runs; lo += CHUNK) {
    const hi = Math.min(runs, lo + CHUNK - 1);
    const place = () => sql`generate_series(${lo}::int, ${hi}::int) g cross join lateral (select g % 100 as p, case when g % 2 = 0 then 'a' else 'b' end as arm,
      case when g % 5 = 0 then ${v2} else ${v1} end as version,
      ${END}::timestamptz - ((g % 90) + 1) * interval '1 day' + (g % 86400) * interval '1 second' as entered) e`;
    await sql`insert into journey_runs (id, workspace_id, customer_id, journey_id, version_id, entry_key, status, node_id, due_at,
        step_count, entered_at, updated_at)
      select ${runIdOf(sql, 'g')}, ${WS}, 'c' || (1 + g % ${customers}), ${JOURNEY}, e.version, 'o' || g,
        case when p < 94 then 'completed' when p < 99 then 'waiting' else 'failed' end,
        case when p < 94 then 'exit' when p < 97 then 'wait1' when p < 99 then 'wait2' else 'mail2' end,
        case when p between 94 and 98 then ${END}::timestamptz + (g % 259200) * interval '1 second' end,
        case when p < 94 then 11 when p < 97 then 4 when p < 99 then 7 else 6 end,
        e.entered, e.entered + case when p < 94 then interval '6 days' when p < 97 then interval '0' else interval '3 days' end
      from ${place()}`;
    await sql`insert into run_walks (run_id, first_step, workspace_id, version_id, steps, at)
      select ${runIdOf(sql, 'g')}, w.first_step, ${WS}, e.version, w.steps, e.entered + w.after
      from ${place()} cross join lateral (values
        (1, interval '0', jsonb_build_array(${step('t', 'next')}, ${step('split', 'next', 'e.arm')},
          jsonb_build_object('node', 'mail_' || e.arm, 'outcome', 'next'), ${step('wait1', 'sleep')}), true),
        (5, interval '3 days', case when p = 99 then jsonb_build_array(${step('wait1', 'resume', "'out'")}, ${step('mail2', 'error')})
          else jsonb_build_array(${step('wait1', 'resume', "'out'")}, ${step('mail2', 'next')}, ${step('wait2', 'sleep')}) end, p < 94 or p >= 97),
        (8, interval '6 days', jsonb_build_array(${step('wait2', 'resume', "'out'")}, ${step('mail3', 'next')}, ${step('points', 'next')},
          ${step('exit', 'exit')}), p < 94)
      ) w(first_step, after, steps, taken)
      where w.taken`;
  }
  await rollups(db, runs, [v1, v2]);
  await sql`vacuum analyze`;
  const [{ steps }] = await sql<{ steps: number }[]>`select sum(step_count)::int as steps from journey_runs where journey_id = ${JOURNEY}`;
  return { runs, customers, steps, versions: [v1, v2] };
}

/** What the email, order and experiment triggers would have summed for these runs. */
async function rollups(db: Database, runs: number, [v1, v2]: [string, string]) {
  const { sql } = db;
  const perDay = runs / 90;
  // Each version's share of the day's runs: v2 has every fifth.
  const shares = [[v1, 0.8], [v2, 0.2]] as const;
  for (const [version, share] of shares) {
    await sql`insert into journey_daily (journey_id, day, version_id, node_id, metric, n)
      select ${JOURNEY}, (${END}::timestamptz - d * interval '1 day')::date, ${version}, node, metric, round(${perDay * share} * f)
      from generate_series(1, 96) d,
        (values ('mail_a', 0.5), ('mail_b', 0.5), ('mail2', 0.96), ('mail3', 0.94)) nodes(node, reach),
        lateral (values ('sent', reach), ('opened', reach * 0.4), ('clicked', reach * 0.08), ('unsubscribed', reach * 0.004),
          ('conversions', reach * 0.03), ('revenue', reach * 0.03 * 45)) m(metric, f)`;
    await sql`insert into journey_node_counts (version_id, node_id, metric, n) values
      (${version}, 'split', 'branch:a', ${Math.round(runs * share / 2)}), (${version}, 'split', 'branch:b', ${Math.round(runs * share / 2)})`;
    for (const arm of ['a', 'b']) {
      const n = Math.round(runs * share / 2);
      const converted = Math.round(n * (arm === 'a' ? 0.03 : 0.034));
      await sql`insert into journey_group_totals (journey_id, version_id, grp, runs, converted, revenue, revenue_sq)
        values (${JOURNEY}, ${version}, ${`arm:split:${arm}`}, ${n}, ${converted}, ${converted * 45}, ${converted * 45 * 45 * 1.3})`;
    }
  }
  await sql`insert into workspace_daily (workspace_id, day, metric, n)
    select ${WS}, (${END}::timestamptz - d * interval '1 day')::date, metric, round(${perDay} * f)
    from generate_series(1, 96) d, (values ('emails_sent', 3), ('bounced', 0.02), ('unsubscribed', 0.01), ('complained', 0.001),
      ('coupons_issued', 0.5), ('coupons_redeemed', 0.1), ('discount_given', 0.5), ('coupon_revenue', 4.5),
      ('points_issued', 5), ('points_redeemed', 1), ('points_net', 4)) m(metric, f)`;
}
