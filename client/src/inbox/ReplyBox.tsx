import { useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { CannedResponse, ChannelType } from '../api';
import { replyLength, replyLimit } from './channelLimits';
import { exactResponse, insertResponse, matchingResponses, shortcutAt, type ShortcutToken } from './cannedInsertion';

export type ComposeMode = 'reply' | 'note';

interface ReplyBoxProps {
  channelType: ChannelType;
  cannedResponses: CannedResponse[];
  /** Set when another agent holds the conversation: replies are blocked, notes stay allowed. */
  heldBy: string | null;
  /** The network no longer accepts replies here; notes stay allowed. */
  replyWindowClosed?: boolean;
  resolved?: boolean;
  onSend: (mode: ComposeMode, text: string) => Promise<void>;
  onTyping?: (isTyping: boolean) => void;
  inputRef?: Ref<HTMLTextAreaElement>;
}

export function ReplyBox({
  channelType, cannedResponses, heldBy, replyWindowClosed = false, resolved, onSend, onTyping, inputRef,
}: ReplyBoxProps) {
  const [mode, setMode] = useState<ComposeMode>('reply');
  const [text, setText] = useState('');
  const [token, setToken] = useState<ShortcutToken | null>(null);
  const [highlight, setHighlight] = useState(0);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const localRef = useRef<HTMLTextAreaElement | null>(null);

  const limit = mode === 'reply' ? replyLimit(channelType) : null;
  const length = replyLength(text);
  const overLimit = limit !== null && length > limit;
  const blocked = mode === 'reply' && (heldBy !== null || replyWindowClosed);
  const suggestions = token ? matchingResponses(cannedResponses, token.query).slice(0, 6) : [];
  const canSend = !blocked && !sending && !overLimit && text.trim().length > 0;

  function setRefs(element: HTMLTextAreaElement | null) {
    localRef.current = element;
    if (typeof inputRef === 'function') inputRef(element);
    else if (inputRef) inputRef.current = element;
  }

  function update(next: string, caret: number) {
    setText(next);
    setToken(shortcutAt(next, caret));
    setHighlight(0);
    onTyping?.(next.length > 0);
  }

  function insert(response: CannedResponse, current: ShortcutToken) {
    const result = insertResponse(text, current, response);
    update(result.text, result.caret);
    setToken(null);
    requestAnimationFrame(() => localRef.current?.setSelectionRange(result.caret, result.caret));
  }

  async function send() {
    if (!canSend) return;
    setSending(true);
    setError(null);
    try {
      await onSend(mode, text.trim());
      setText('');
      setToken(null);
      onTyping?.(false);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSending(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (token && suggestions.length > 0) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setHighlight((h) => (h + step + suggestions.length) % suggestions.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        insert(suggestions[highlight] ?? suggestions[0], token);
        return;
      }
    }
    if (event.key === ' ' && token) {
      const exact = exactResponse(cannedResponses, token.query);
      if (exact) {
        event.preventDefault();
        insert(exact, token);
        return;
      }
    }
    if (event.key === 'Escape') {
      if (token) setToken(null);
      else event.currentTarget.blur();
      return;
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    }
  }

  const testId = mode === 'reply' ? 'reply' : 'note';
  return (
    <div className={`composer composer-${mode}`} data-testid="composer">
      <div className="composer-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={mode === 'reply'} data-testid="compose-reply-tab"
          onClick={() => setMode('reply')}>Reply</button>
        <button type="button" role="tab" aria-selected={mode === 'note'} data-testid="compose-note-tab"
          onClick={() => setMode('note')}>Private note</button>
        <span className="composer-hint">Type / for canned responses · Ctrl+Enter sends</span>
      </div>
      {mode === 'reply' && heldBy !== null && (
        <div className="composer-blocked" role="status" data-testid="reply-blocked">
          {heldBy} holds this conversation; you cannot reply.
        </div>
      )}
      {mode === 'reply' && replyWindowClosed && (
        <div className="composer-blocked" role="status" data-testid="reply-window-closed">
          The reply window has closed: the network no longer accepts replies to this conversation. Private notes are
          still possible.
        </div>
      )}
      <div className="composer-body">
        <textarea
          ref={setRefs}
          value={text}
          rows={4}
          disabled={blocked}
          placeholder={mode === 'reply'
            ? (resolved ? 'Replying reopens the conversation on the network…' : 'Write a public reply…')
            : 'Only your team sees notes…'}
          aria-label={mode === 'reply' ? 'Reply' : 'Private note'}
          data-testid={`${testId}-input`}
          onChange={(e) => update(e.target.value, e.target.selectionStart)}
          onKeyDown={onKeyDown}
          onBlur={() => onTyping?.(false)}
        />
        {suggestions.length > 0 && token && (
          <ul className="canned-suggestions" role="listbox" data-testid="canned-suggestions">
            {suggestions.map((response, index) => (
              <li key={response.id} role="option" aria-selected={index === highlight}
                data-testid="canned-option" data-shortcut={response.shortcut}
                onMouseDown={(e) => {
                  e.preventDefault();
                  insert(response, token);
                }}>
                <strong>/{response.shortcut.replace(/^\//, '')}</strong> <span>{response.title}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="composer-footer">
        <span className={`char-counter${overLimit ? ' over' : ''}`} data-testid="char-counter">
          {limit === null ? `${length}` : `${length} / ${limit}`}
        </span>
        {error && <span className="error-text" role="alert" data-testid="compose-error">{error}</span>}
        <button type="button" className="primary" disabled={!canSend} onClick={() => void send()}
          data-testid={`${testId}-send`}>
          {sending ? 'Sending…' : mode === 'reply' ? 'Send reply' : 'Add note'}
        </button>
      </div>
    </div>
  );
}
