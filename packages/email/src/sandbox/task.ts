// What a sandbox worker thread does with one task: check a template, or preview it for one
// customer. It reports through `progress` which field it is working on, the first report
// starting the clock of the time limit (time spent waiting in the queue does not count).
import type { MessagePort } from 'node:worker_threads';
import { checkBody, checkSubject, type TemplateIssue } from '../check';
import type { MergeData } from '../merge-data';
import { previewEmail, type PreviewRequest, type PreviewResult, type TemplateField } from '../preview';

export type SandboxJob =
  | { kind: 'check'; content: { subject: string; body: string } }
  | { kind: 'preview'; content: PreviewRequest; data: MergeData };

export type SandboxTask = SandboxJob & { progress: MessagePort };

export async function runTemplateTask(task: SandboxTask): Promise<TemplateIssue[] | PreviewResult> {
  const enter = (field: TemplateField) => task.progress.postMessage(field);
  try {
    if (task.kind === 'preview') return await previewEmail(task.content, task.data, enter);
    enter('subject');
    const issues = await checkSubject(task.content.subject);
    enter('body');
    return [...issues, ...await checkBody(task.content.body)];
  } finally {
    task.progress.close();
  }
}
