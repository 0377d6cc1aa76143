import { DataTable } from '../../components/data-table.tsx';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { dataOf } from '../../api/errors.ts';
import { Empty, ErrorNote, Loading } from '../../components/states.tsx';

type User = { id: number; email: string; role: string; createdAt: string };
type Page = { users: User[]; nextCursor: string | null };

/** Every user, for admins, a page at a time. */
export function Users() {
  const [pages, setPages] = useState<Page[]>([]);
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);

  const load = async (cursor?: string) => {
    setLoading(true);
    setError(undefined);
    try {
      const page = dataOf(await api.GET('/user/admin/users', { params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } } }));
      setPages((before) => [...(cursor ? before : []), { users: page.data, nextCursor: page.nextCursor }]);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => void load(), []);

  const users = pages.flatMap((page) => page.users);
  const nextCursor = pages.at(-1)?.nextCursor;
  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">Users</h1>
      {error && <ErrorNote>Could not load the users: {error}</ErrorNote>}
      {users.length > 0 && (
        <DataTable label="Users" columns={['Id', 'Email', 'Role', 'Created']}>
          {users.map((user) => (
            <tr key={user.id}>
              <td>{user.id}</td>
              <td>{user.email}</td>
              <td>{user.role}</td>
              <td>{new Date(user.createdAt).toLocaleString()}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {loading && <Loading what="users" />}
      {!loading && !error && users.length === 0 && <Empty>No users yet.</Empty>}
      {nextCursor && !loading && (
        <button type="button" onClick={() => void load(nextCursor)}>
          Load more users
        </button>
      )}
    </section>
  );
}
