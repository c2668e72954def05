import { useRef, useState } from 'react';
import { api, ApiError, type CannedResponse, type ConversationSummary, type Outcome, type User } from '../api';
import { Empty, ErrorNote, Loading } from '../ui/Feedback';
import { ConversationHeader } from './ConversationHeader';
import { ConversationSidebar } from './ConversationSidebar';
import { PresenceBar } from './PresenceBar';
import { ReplyBox, type ComposeMode } from './ReplyBox';
import { useReplyWindowClosed } from './replyWindow';
import { ResolveBar } from './ResolveBar';
import { Thread } from './Thread';
import { useConversation } from './useConversation';
import { useShortcut } from './useShortcut';
import { useTypingSignal } from './useTypingSignal';

interface ConversationPaneProps {
  conversationId: string;
  /** The live list copy, newer than the detail when a hub event has just changed it. */
  summary: ConversationSummary | undefined;
  myId: string;
  cannedResponses: CannedResponse[];
  agents: User[] | null;
  onOpen: (id: string) => void;
}

export function ConversationPane({ conversationId, summary, myId, cannedResponses, agents, onOpen }: ConversationPaneProps) {
  const conversationState = useConversation(conversationId);
  const { data: detail, error, loading, reload } = conversationState;
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const outcomeRef = useRef<HTMLSelectElement>(null);
  const onTyping = useTypingSignal(conversationId);

  const conversation = detail && summary && (summary.sequence ?? 0) > (detail.sequence ?? 0)
    ? { ...detail, ...summary, messages: detail.messages }
    : detail;
  const heldByOther = Boolean(conversation?.assigneeId && conversation.assigneeId !== myId);
  const replyWindowClosed = useReplyWindowClosed(conversation?.replyWindowClosesAt ?? null);

  async function act(action: () => Promise<unknown>) {
    setBusy(true);
    setActionError(null);
    try {
      await action();
    } catch (failure) {
      setActionError(failure instanceof ApiError && failure.status === 409
        ? new Error('Someone else claimed this conversation first.')
        : failure);
    } finally {
      setBusy(false);
      reload();
    }
  }

  const claim = () => act(() => api.conversations.claim(conversationId));
  useShortcut('c', () => void claim(), Boolean(conversation) && !heldByOther && conversation?.assigneeId !== myId);
  useShortcut('r', () => replyRef.current?.focus(), Boolean(conversation));
  useShortcut('e', () => outcomeRef.current?.focus(), Boolean(conversation));

  if (!conversation) {
    if (error) return <div className="conversation-pane"><ErrorNote error={error} onRetry={reload} /></div>;
    return <div className="conversation-pane">{loading ? <Loading label="Opening conversation…" /> : <Empty>Not found.</Empty>}</div>;
  }

  async function send(mode: ComposeMode, text: string) {
    if (mode === 'reply') await api.conversations.reply(conversationId, text);
    else await api.conversations.note(conversationId, text);
    reload();
  }

  async function retryReply(replyId: string) {
    try {
      await api.conversations.retryReply(conversationId, replyId);
    } catch (failure) {
      // A 409 means the reply is no longer failed: show what it is now.
      reload();
      throw failure;
    }
  }

  async function resolve(outcome: Outcome, note: string) {
    await act(() => api.conversations.resolve(conversationId, outcome, note));
  }

  return (
    <div className="conversation-layout" data-testid="conversation-pane" data-conversation-id={conversationId}>
      <section className="conversation-pane">
        <ConversationHeader conversation={conversation} myId={myId} agents={agents} busy={busy}
          onClaim={() => void claim()}
          onRelease={() => void act(() => api.conversations.release(conversationId))}
          onAssign={(agentId) => act(() => api.conversations.assign(conversationId, agentId))} />
        <PresenceBar presence={conversationState.presence} myId={myId} />
        <ErrorNote error={actionError} />
        <Thread messages={conversation.messages} onRetryReply={heldByOther ? undefined : retryReply} />
        <ReplyBox
          key={conversationId}
          channelType={conversation.channel.type}
          cannedResponses={cannedResponses}
          heldBy={heldByOther ? conversation.assigneeName ?? 'Another agent' : null}
          replyWindowClosed={replyWindowClosed}
          resolved={conversation.status === 'resolved'}
          onSend={send}
          onTyping={onTyping}
          inputRef={replyRef}
        />
        <ResolveBar key={`resolve-${conversationId}`} disabled={heldByOther || conversation.status === 'resolved'}
          onResolve={resolve} selectRef={outcomeRef} />
      </section>
      <ConversationSidebar conversation={conversation} onOpen={onOpen} />
    </div>
  );
}
