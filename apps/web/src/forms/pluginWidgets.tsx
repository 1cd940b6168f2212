// A plugin's own widgets (`widgets` of definePlugin, named '<plugin id>/<name>' in `.meta()`):
// rendered with the SDK's WidgetProps inside an error boundary, so a widget that throws shows
// an inline error on its field instead of taking the editor down.
import type { AfterglowPlugin, WidgetProps } from '@afterglow/node-sdk';
import { Component, type ComponentType, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { FieldProps, PluginWidgets } from './fieldProps';
import { metaOf } from './jsonSchema';

export function pluginWidgets(plugins: readonly AfterglowPlugin[]): PluginWidgets {
  const out = new Map<string, ComponentType<WidgetProps>>();
  for (const plugin of plugins) {
    // The SDK types a widget without React (it stays free of it); here it is a function component.
    for (const [name, widget] of Object.entries(plugin.widgets ?? {})) out.set(`${plugin.id}/${name}`, widget as ComponentType<WidgetProps>);
  }
  return out;
}

export function PluginField({ name, field, value, onChange, id, path, form }: FieldProps & { name: string }) {
  const Widget = form.widgets.get(name)!;
  return (
    <WidgetBoundary name={name}>
      <Widget id={id} value={value} onChange={onChange} meta={metaOf(field)} config={form.config}
        invalid={form.errors.has(path)} disabled={form.disabled} />
    </WidgetBoundary>
  );
}

interface BoundaryState { error: Error | null }

class WidgetBoundary extends Component<{ name: string; children: ReactNode }, BoundaryState> {
  state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: unknown) {
    console.error(`Afterglow: the widget ${this.props.name} failed`, error);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return <WidgetFailed name={this.props.name} error={this.state.error} onRetry={() => this.setState({ error: null })} />;
  }
}

/** What a failed widget leaves on its field, in the user's language (a class cannot use the hook). */
function WidgetFailed({ name, error, onRetry }: { name: string; error: Error; onRetry(): void }) {
  const { t } = useTranslation('forms');
  return (
    <div role="alert" className="flex items-start justify-between gap-2 rounded-lg bg-rose-50 p-2.5 text-xs text-rose-700 ring-1 ring-rose-200">
      <span>
        {/* The error's own words stay outside the message: markup in them is shown as text. */}
        <Trans t={t} i18nKey="widget.failed" values={{ name }} components={{ code: <code className="font-mono" /> }} /> {error.message}
      </span>
      <button type="button" onClick={onRetry} className="shrink-0 font-medium underline">{t('widget.retry')}</button>
    </div>
  );
}
