import { useState, type FormEvent } from 'react';
import { api, type ChannelSetting, type ChannelTypeInfo, type CreatedChannel } from '../api';
import { Empty, ErrorNote, Loading } from '../ui/Feedback';
import { useAction } from '../ui/useAction';
import { useResource } from '../ui/useResource';

interface ChannelFormProps {
  onCreated: (channel: CreatedChannel) => void;
}

/** Connects a channel, asking for the settings the server says its type needs. */
export function ChannelForm({ onCreated }: ChannelFormProps) {
  const channelTypes = useResource(() => api.channels.types(), 'channel-types');
  if (channelTypes.error) return <ErrorNote error={channelTypes.error} onRetry={channelTypes.reload} />;
  if (!channelTypes.data) return <Loading label="Loading channel types…" />;
  if (channelTypes.data.length === 0) return <Empty>This server has no channel connectors.</Empty>;
  return <ChannelTypeForm types={channelTypes.data} onCreated={onCreated} />;
}

function ChannelTypeForm({ types, onCreated }: ChannelFormProps & { types: ChannelTypeInfo[] }) {
  const [typeName, setTypeName] = useState(() => (types.some((t) => t.type === 'generic') ? 'generic' : types[0].type));
  const [name, setName] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const action = useAction();
  const type = types.find((t) => t.type === typeName) ?? types[0];

  function chooseType(next: string) {
    setTypeName(next as ChannelTypeInfo['type']);
    setValues({});
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const settings = Object.fromEntries(type.settings
      .map((setting) => [setting.name, (values[setting.name] ?? '').trim()])
      .filter(([, value]) => value !== ''));
    const created = await action.run(async () => onCreated(await api.channels.create({ ...settings, type: type.type, name: name.trim() })));
    if (created) {
      setName('');
      setValues({});
    }
  }

  return (
    <form className="admin-form" onSubmit={submit} data-testid="channel-form">
      <label>Type
        <select value={type.type} onChange={(e) => chooseType(e.target.value)} data-testid="channel-type">
          {types.map((t) => <option key={t.type} value={t.type}>{t.type}</option>)}
        </select>
      </label>
      <label>Name
        <input required value={name} onChange={(e) => setName(e.target.value)} data-testid="channel-name" />
      </label>
      {type.settings.map((setting) => (
        <SettingField key={`${type.type}-${setting.name}`} setting={setting} value={values[setting.name] ?? ''}
          onChange={(value) => setValues((current) => ({ ...current, [setting.name]: value }))} />
      ))}
      <button type="submit" className="primary" disabled={action.busy} data-testid="channel-create">Create channel</button>
      <ErrorNote error={action.error} />
    </form>
  );
}

interface SettingFieldProps {
  setting: ChannelSetting;
  value: string;
  onChange: (value: string) => void;
}

function SettingField({ setting, value, onChange }: SettingFieldProps) {
  return (
    <label className="wide" title={setting.description ?? undefined}>
      <span>
        {settingLabel(setting.name)}
        {setting.required ? <span className="required" aria-hidden> *</span> : <span className="muted"> (optional)</span>}
      </span>
      <input
        type={setting.secret ? 'password' : setting.isUrl ? 'url' : 'text'}
        autoComplete={setting.secret ? 'new-password' : 'off'}
        required={setting.required}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={setting.name === 'replyUrl' ? 'channel-reply-url' : 'channel-setting'}
        data-name={setting.name}
      />
      {setting.description && <span className="muted setting-description">{setting.description}</span>}
    </label>
  );
}

/** "pageAccessToken" reads as "Page access token". */
function settingLabel(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
