import { useState, type FormEvent } from 'react';
import { api, type Role, type User } from '../api';
import { Empty, ErrorNote, Loading } from '../ui/Feedback';
import { useAction } from '../ui/useAction';
import { useResource } from '../ui/useResource';

const allRoles: Role[] = ['Agent', 'Supervisor', 'Sales', 'Admin'];

export function UsersTab({ myId }: { myId: string }) {
  const users = useResource(() => api.users.list(), 'admin-users');
  return (
    <div className="admin-tab">
      <UserForm onCreated={users.reload} />
      {users.error ? <ErrorNote error={users.error} onRetry={users.reload} /> : !users.data ? <Loading /> : users.data.length === 0 ? (
        <Empty>No users.</Empty>
      ) : (
        <table className="data" data-testid="user-table">
          <thead><tr><th>Name</th><th>Email</th><th>Roles</th><th /></tr></thead>
          <tbody>
            {users.data.map((user) => (
              <UserRow key={`${user.id}-${user.roles.join()}`} user={user} isMe={user.id === myId} onSaved={users.reload} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function RoleChecks({ roles, onChange, disabled }: { roles: Role[]; onChange: (roles: Role[]) => void; disabled?: boolean }) {
  return (
    <span className="role-checks">
      {allRoles.map((role) => (
        <label key={role} className="inline">
          <input type="checkbox" checked={roles.includes(role)} disabled={disabled} data-testid={`role-${role}`}
            onChange={(e) => onChange(e.target.checked ? [...roles, role] : roles.filter((r) => r !== role))} />
          {role}
        </label>
      ))}
    </span>
  );
}

function UserRow({ user, isMe, onSaved }: { user: User; isMe: boolean; onSaved: () => void }) {
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const action = useAction();
  const changed = [...roles].sort().join() !== [...user.roles].sort().join();
  return (
    <tr data-testid="user-row" data-user-id={user.id}>
      <td>{user.name}{isMe && <span className="muted"> (you)</span>}</td>
      <td>{user.email}</td>
      <td><RoleChecks roles={roles} onChange={setRoles} /></td>
      <td className="actions">
        <button type="button" disabled={!changed || action.busy} data-testid="user-save-roles"
          onClick={() => void action.run(async () => {
            await api.users.setRoles(user.id, roles);
            onSaved();
          })}>
          Save roles
        </button>
        <ErrorNote error={action.error} />
      </td>
    </tr>
  );
}

function UserForm({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>(['Agent']);
  const action = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await action.run(() => api.users.create({ name: name.trim(), email: email.trim(), password, roles }));
    if (ok) {
      setName('');
      setEmail('');
      setPassword('');
      setRoles(['Agent']);
      onCreated();
    }
  }

  return (
    <form className="admin-form" onSubmit={submit} data-testid="user-form">
      <label>Name<input required value={name} onChange={(e) => setName(e.target.value)} data-testid="user-name" /></label>
      <label>Email<input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} data-testid="user-email" /></label>
      <label>Password
        <input type="password" required autoComplete="new-password" value={password}
          onChange={(e) => setPassword(e.target.value)} data-testid="user-password" />
      </label>
      <label>Roles<RoleChecks roles={roles} onChange={setRoles} /></label>
      <button type="submit" className="primary" disabled={action.busy || roles.length === 0} data-testid="user-create">Add user</button>
      <ErrorNote error={action.error} />
    </form>
  );
}
