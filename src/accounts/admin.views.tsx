import type { Child } from "hono/jsx";
import { ROLE_LABELS, type Role } from "../core/access/roles.js";
import { formatDateTimeVi, formatDateVi } from "../core/format/vi-date.js";
import { formatViNumber } from "../core/format/vi-number.js";
import type { FieldErrors } from "../core/http/errors.js";
import { CsrfInput, ErrorSummary, Field, Notice, SelectField } from "../core/views/forms.js";
import { AdminLayout, type PageMeta } from "../core/views/layout.js";
import { PickerField } from "../core/views/picker.js";
import type { UnitName } from "../units/unit-names.repo.js";
import { unitPickerGroups } from "../units/unit-picker.rules.js";
import type { DashboardCardValue } from "./dashboard.extension.js";
import type { UserListRow } from "./users.repo.js";

/** The person's work waiting, one card per room's count, each opening the list it counts. */
function DashboardCards({ cards }: { cards: readonly DashboardCardValue[] }) {
  if (cards.length === 0) return null;
  return (
    <section aria-labelledby="work-title">
      <h2 id="work-title">Việc của tôi</h2>
      <ul class="dashboard-cards">
        {cards.map((card) => (
          <li class="card" data-key={card.key}>
            <a href={card.href}>
              <span class="dashboard-count">{formatViNumber(card.count)}</span>{" "}
              <span class="dashboard-label">{card.label}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function DashboardPage({
  meta,
  unitNames,
  cards,
}: {
  meta: PageMeta;
  unitNames: Map<number, string>;
  cards: readonly DashboardCardValue[];
}) {
  const actor = meta.auth.actor;
  return (
    <AdminLayout meta={meta} active="/quan-tri">
      <h1>Xin chào, {actor?.displayName}</h1>
      <DashboardCards cards={cards} />
      <h2>Vai trò của bạn</h2>
      <ul class="plain-list">
        {actor?.grants.map((g) => (
          <li>
            <strong>{ROLE_LABELS[g.role]}</strong> tại {unitNames.get(g.unitId) ?? `đơn vị #${g.unitId}`} (từ{" "}
            {formatDateVi(g.validFrom)}
            {g.validTo ? ` đến ${formatDateVi(g.validTo)}` : ""})
          </li>
        ))}
      </ul>
      <p>Chọn một mục trong trình đơn quản trị để bắt đầu làm việc.</p>
    </AdminLayout>
  );
}

interface TokenRow {
  id: number;
  name: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export function AccountPage({
  meta,
  tokens,
  newToken,
  errors,
  notice,
}: {
  meta: PageMeta;
  tokens: TokenRow[];
  newToken?: string;
  errors?: FieldErrors;
  notice?: string | null;
}) {
  return (
    <AdminLayout meta={meta} active="/quan-tri/tai-khoan">
      <h1>Tài khoản của tôi</h1>
      <Notice message={notice} />
      <section aria-labelledby="pw-title" class="card">
        <h2 id="pw-title">Đổi mật khẩu</h2>
        <ErrorSummary errors={errors} />
        <form method="post" action="/quan-tri/tai-khoan/mat-khau" novalidate>
          <CsrfInput token={meta.auth.csrfToken} />
          <Field
            name="current"
            label="Mật khẩu hiện tại"
            type="password"
            error={errors?.current}
            required
            autocomplete="current-password"
          />
          <Field
            name="next"
            label="Mật khẩu mới"
            type="password"
            error={errors?.next}
            required
            autocomplete="new-password"
            hint="Ít nhất 8 ký tự."
          />
          <Field
            name="confirm"
            label="Nhập lại mật khẩu mới"
            type="password"
            error={errors?.confirm}
            required
            autocomplete="new-password"
          />
          <button type="submit" class="button primary">
            Đổi mật khẩu
          </button>
        </form>
      </section>
      <section aria-labelledby="token-title" class="card">
        <h2 id="token-title">Mã truy cập API</h2>
        <p>
          Dùng cho các chương trình gọi API thay mặt bạn (tiêu đề <code>Authorization: Bearer …</code>).
        </p>
        {newToken ? (
          <div class="notice" role="status">
            <p>Mã mới (chỉ hiện một lần, hãy lưu lại ngay):</p>
            <p>
              <code class="token">{newToken}</code>
            </p>
          </div>
        ) : null}
        <form method="post" action="/quan-tri/tai-khoan/ma-api" class="inline-fields">
          <CsrfInput token={meta.auth.csrfToken} />
          <Field name="name" label="Tên gợi nhớ" error={errors?.name} required />
          <button type="submit" class="button">
            Tạo mã mới
          </button>
        </form>
        <table>
          <caption class="visually-hidden">Các mã truy cập API</caption>
          <thead>
            <tr>
              <th scope="col">Tên</th>
              <th scope="col">Tạo lúc</th>
              <th scope="col">Dùng lần cuối</th>
              <th scope="col">Trạng thái</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr>
                <td>{t.name}</td>
                <td>{formatDateTimeVi(t.created_at)}</td>
                <td>{t.last_used_at ? formatDateTimeVi(t.last_used_at) : "—"}</td>
                <td>
                  {t.revoked_at ? (
                    `Đã thu hồi ${formatDateVi(t.revoked_at)}`
                  ) : (
                    <form
                      method="post"
                      action={`/quan-tri/tai-khoan/ma-api/${t.id}/thu-hoi`}
                      class="inline-form"
                    >
                      <CsrfInput token={meta.auth.csrfToken} />
                      <button type="submit" class="link-button">
                        Thu hồi
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </AdminLayout>
  );
}

export function UsersPage({
  meta,
  users,
  units,
  grantableRoles,
  values,
  errors,
  notice,
}: {
  meta: PageMeta;
  users: UserListRow[];
  units: UnitName[];
  grantableRoles: Role[];
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: string | null;
}): Child {
  return (
    <AdminLayout meta={meta} active="/quan-tri/nguoi-dung">
      <h1>Người dùng</h1>
      <Notice message={notice} />
      <table>
        <caption class="visually-hidden">Người dùng và vai trò</caption>
        <thead>
          <tr>
            <th scope="col">Tên đăng nhập</th>
            <th scope="col">Họ tên</th>
            <th scope="col">Vai trò</th>
            <th scope="col">Đặt lại mật khẩu</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr>
              <td>{u.username}</td>
              <td>{u.displayName}</td>
              <td>
                <ul class="plain-list">
                  {u.grants.map((g) => (
                    <li>
                      {ROLE_LABELS[g.role as Role] ?? g.role} — {g.unitName}
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                <form method="post" action={`/quan-tri/nguoi-dung/${u.id}/mat-khau`} class="inline-form">
                  <CsrfInput token={meta.auth.csrfToken} />
                  <label class="visually-hidden" for={`f-reset-${u.id}`}>
                    Mật khẩu mới cho {u.username}
                  </label>
                  <input
                    id={`f-reset-${u.id}`}
                    name="password"
                    type="password"
                    autocomplete="new-password"
                    required
                  />
                  <button type="submit" class="link-button">
                    Đặt lại
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section class="card" aria-labelledby="new-user-title">
        <h2 id="new-user-title">Thêm người dùng</h2>
        <ErrorSummary errors={errors} />
        <form method="post" action="/quan-tri/nguoi-dung" novalidate>
          <CsrfInput token={meta.auth.csrfToken} />
          <Field
            name="username"
            label="Tên đăng nhập"
            value={values?.username}
            error={errors?.username}
            required
          />
          <Field
            name="displayName"
            label="Họ tên"
            value={values?.displayName}
            error={errors?.displayName}
            required
          />
          <Field name="email" label="Thư điện tử" type="email" value={values?.email} error={errors?.email} />
          <Field
            name="password"
            label="Mật khẩu ban đầu"
            type="password"
            error={errors?.password}
            required
            autocomplete="new-password"
          />
          <SelectField
            name="role"
            label="Vai trò"
            value={values?.role}
            error={errors?.role}
            options={grantableRoles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          />
          <PickerField
            name="unitId"
            label="Tại đơn vị"
            value={values?.unitId}
            error={errors?.unitId}
            groups={unitPickerGroups(units, meta.today)}
          />
          <Field
            name="validFrom"
            label="Hiệu lực từ ngày"
            type="date"
            value={values?.validFrom ?? meta.today}
            error={errors?.validFrom}
            required
          />
          <button type="submit" class="button primary">
            Thêm người dùng
          </button>
        </form>
      </section>
    </AdminLayout>
  );
}
