import { useMemo, useRef } from 'preact/hooks';
import type { PlaybookInfo } from '../../lib/messages/schemas';
import type { OptionsState } from '../../lib/options/controller';
import { formatDateTime, plural } from '../../lib/options/format';
import type { ManagedView } from '../../lib/options/managed';
import { summarizePlaybook } from '../../lib/options/playbook-summary';
import { ErrorAlert, ManagedNote, Notice } from './Alerts';
import { ConfirmBar } from './ConfirmBar';
import { FieldErrorList } from './FieldErrorList';
import { PlaybookEditor } from './PlaybookEditor';
import { PlaybookSummaryCard } from './PlaybookSummaryCard';
import { RuleList } from './RuleList';

export interface PlaybookSectionProps {
  info: PlaybookInfo;
  op: OptionsState['playbookOp'];
  editor: OptionsState['editor'];
  lintBusy: boolean;
  managed: ManagedView;
  onImport: (fileName: string, text: string) => void;
  onExport: () => void;
  onAskReset: () => void;
  onCancelReset: () => void;
  onReset: () => void;
  onOpenEditor: () => void;
  onEdit: (text: string) => void;
  onSaveDraft: () => void;
  onCloseEditor: () => void;
  onLintDraft: () => void;
}

export function PlaybookSection(props: PlaybookSectionProps) {
  const { info, op, editor, managed } = props;
  const file = useRef<HTMLInputElement>(null);
  const summary = useMemo(() => summarizePlaybook(info.playbook), [info.playbook]);
  const locked = managed.playbook;
  const busy = op.busy;
  const fileRejected = op.rejected && op.rejected.from === 'file' ? op.rejected : null;

  return (
    <section class="opt-card" aria-labelledby="playbook-heading" id="playbook">
      <h2 id="playbook-heading">Playbook</h2>
      <p class="opt-intro">
        The playbook is your company’s SOP as data: the rules the sidebar checks, against your portal’s pipelines and
        properties.
      </p>
      <PlaybookSummaryCard info={info} summary={summary} />
      {locked ? <ManagedNote what="the playbook" /> : null}
      {managed.playbookIgnored ? (
        <div class="opt-alert opt-alert--warning" role="alert" data-testid="managed-playbook-ignored">
          <p class="opt-alert__title">Your administrator’s playbook is not valid, so it is not used.</p>
          <p>The playbook below is active instead. Ask your administrator to correct the policy’s playbook.</p>
          {info.managedRejected && info.managedRejected.errors.length > 0 ? (
            <FieldErrorList errors={info.managedRejected.errors} label="Problems in the policy's playbook" />
          ) : null}
        </div>
      ) : null}

      {op.confirmingReset ? (
        <ConfirmBar
          question={`Replace “${info.playbook.name}” with the default playbook? You can import the exported file again later.`}
          confirmLabel="Reset to default"
          danger
          busy={busy}
          onConfirm={props.onReset}
          onCancel={props.onCancelReset}
        />
      ) : (
        <div class="opt-actions" role="group" aria-label="Playbook actions">
          <button type="button" class="opt-button" disabled={locked || busy || editor.open} onClick={() => file.current?.click()}>
            {busy && op.action === 'import' ? 'Importing…' : 'Import file…'}
          </button>
          <input
            ref={file}
            type="file"
            accept="application/json,.json"
            hidden
            aria-label="Playbook file to import"
            data-testid="playbook-file"
            onChange={async (e) => {
              const input = e.currentTarget as HTMLInputElement;
              const chosen = input.files?.[0];
              input.value = '';
              if (chosen) props.onImport(chosen.name, await chosen.text());
            }}
          />
          <button type="button" class="opt-button" disabled={busy} onClick={props.onExport}>
            Export
          </button>
          <button type="button" class="opt-button" disabled={locked || busy || editor.open} onClick={props.onOpenEditor}>
            Edit in place
          </button>
          <button
            type="button"
            class="opt-button opt-button--danger-outline"
            disabled={locked || busy || info.source === 'default'}
            onClick={props.onAskReset}
            title={info.source === 'default' ? 'The default playbook is already active.' : undefined}
          >
            Reset to default…
          </button>
        </div>
      )}

      {op.error ? <ErrorAlert error={op.error} note={op.action === 'import' || op.action === 'save' ? 'The active playbook was not changed.' : undefined} /> : null}
      {fileRejected ? (
        <div class="opt-alert opt-alert--error" role="alert" data-testid="import-rejected">
          <p class="opt-alert__title">
            {fileRejected.fileName ?? 'The file'} was not imported: {plural(fileRejected.errors.length, 'problem')}.
          </p>
          <p>The active playbook was not changed. Correct these in the file and import it again:</p>
          <FieldErrorList errors={fileRejected.errors} label={`Problems in ${fileRejected.fileName ?? 'the file'}`} />
        </div>
      ) : !op.rejected && info.lastRejected && info.lastRejected.errors.length > 0 ? (
        <details class="opt-history">
          <summary>
            The last refused import ({formatDateTime(info.lastRejected.at)}) had {plural(info.lastRejected.errors.length, 'problem')}
          </summary>
          <FieldErrorList errors={info.lastRejected.errors} label="Problems in the last refused import" />
        </details>
      ) : null}
      <Notice text={op.notice} />

      {editor.open ? (
        <PlaybookEditor
          editor={editor}
          rejected={op.rejected}
          busy={busy && op.action === 'save'}
          lintBusy={props.lintBusy}
          onChange={props.onEdit}
          onSave={props.onSaveDraft}
          onClose={props.onCloseEditor}
          onLint={props.onLintDraft}
        />
      ) : null}

      <h3 class="opt-subheading">Rules</h3>
      <RuleList sections={summary.sections} />
    </section>
  );
}
