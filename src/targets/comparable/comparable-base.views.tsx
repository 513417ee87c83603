/**
 * The comparable base on the evaluation and open-data pages: the switch "Số liệu theo địa bàn mới" and,
 * when it is on, the label with the former units, their shares and legal bases, any missing share and
 * any indicator that could not be rebuilt. JSX only.
 */
import type { EvaluationBase } from "./comparable-base.service.js";
import { shareText } from "./comparable-rows.rules.js";

/** The switch inside a page's period form: `co-so=quy-doi`. */
export function BaseSwitch({ checked }: { checked: boolean }) {
  return (
    <div class="field checkbox-field">
      <label>
        <input type="checkbox" name="co-so" value="quy-doi" checked={checked} /> Số liệu theo địa bàn mới
      </label>
    </div>
  );
}

/** The label and the shares; a note that the unit's own figures are shown when it existed then. */
export function ComparableBaseNote({ base, asked }: { base: EvaluationBase | undefined; asked: boolean }) {
  if (!base || base.kind === "own") {
    return asked ? (
      <p class="muted">
        Đơn vị đã tồn tại trong kỳ này: số liệu là số liệu của chính đơn vị, không cần quy đổi.
      </p>
    ) : null;
  }
  return (
    <section class="comparable-base" aria-labelledby="comparable-title">
      <h2 id="comparable-title">{base.label}</h2>
      {base.predecessors.length === 0 ? (
        <p>
          Chưa có số liệu so sánh: không có đơn vị nào trước sắp xếp được ghi nhận là tiền thân của đơn vị.
        </p>
      ) : (
        <>
          <p>
            Đơn vị chưa tồn tại trong kỳ này. Số liệu được quy đổi từ các đơn vị cũ theo tỷ lệ dân số chuyển
            về địa bàn mới: chỉ tiêu số lượng, giá trị cộng theo tỷ lệ; chỉ tiêu tỷ lệ tính bình quân gia
            quyền theo dân số (hoặc quyền số chỉ tiêu quy định).
          </p>
          <ul>
            {base.predecessors.map((p) => (
              <li>
                {p.label}: {p.share === null ? "chưa có tỷ lệ" : shareText(p.share)}
                {p.legalBases.length > 0 ? ` (${p.legalBases.join("; ")})` : ""}
              </li>
            ))}
          </ul>
        </>
      )}
      {base.missingShares.length > 0 ? (
        <ul class="form-error">
          {base.missingShares.map((m) => (
            <li>{m.message} Các chỉ tiêu cần tỷ lệ này không được quy đổi.</li>
          ))}
        </ul>
      ) : null}
      {base.notRebuilt.length > 0 ? (
        <details>
          <summary>Chỉ tiêu chưa quy đổi được ({base.notRebuilt.length})</summary>
          <ul>
            {base.notRebuilt.map((n) => (
              <li>{n}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
