/**
 * The notice a sender reads before agreeing to the processing of personal data, as Nghị định
 * 13/2023/NĐ-CP and the Luật Bảo vệ dữ liệu cá nhân (91/2025/QH15, in force from 01/01/2026, Article 9)
 * require for consent to count: which data, for what purpose, who controls it, how long it is kept, and
 * the sender's rights. The wording is the project's own.
 */
export const RETENTION_YEARS = 5;

export function ConsentNotice({ unitLabel }: { unitLabel: string }) {
  return (
    <details class="consent-notice" open>
      <summary>Thông báo về xử lý dữ liệu cá nhân</summary>
      <ul>
        <li>
          <strong>Dữ liệu được xử lý:</strong> họ tên, số điện thoại hoặc thư điện tử (nếu bạn cung cấp), nội
          dung, địa điểm và ảnh bạn gửi.
        </li>
        <li>
          <strong>Mục đích:</strong> tiếp nhận, xác minh, giải quyết và trả lời phản ánh, kiến nghị của bạn;
          liên hệ lại với bạn khi cần. Không dùng cho quảng cáo, không cung cấp cho bên thứ ba ngoài cơ quan
          có thẩm quyền giải quyết.
        </li>
        <li>
          <strong>Bên kiểm soát dữ liệu:</strong> {unitLabel} (cơ quan nhận phản ánh). Chỉ cán bộ được giao xử
          lý phản ánh của đơn vị được xem họ tên và thông tin liên hệ; trang công khai không bao giờ hiển thị
          các thông tin này.
        </li>
        <li>
          <strong>Thời gian lưu trữ:</strong> {RETENTION_YEARS} năm kể từ khi phản ánh được trả lời, sau đó
          thông tin liên hệ được xóa.
        </li>
        <li>
          <strong>Quyền của bạn:</strong> được biết về việc xử lý; đồng ý hoặc rút lại sự đồng ý; xem, chỉnh
          sửa, yêu cầu xóa hoặc hạn chế xử lý dữ liệu; phản đối việc xử lý; khiếu nại, tố cáo, khởi kiện theo
          Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định 13/2023/NĐ-CP. Để thực hiện các quyền này,
          hãy liên hệ bộ phận một cửa của phường, xã và nêu mã phản ánh.
        </li>
        <li>
          Bạn có thể gửi phản ánh không kèm họ tên và thông tin liên hệ; khi đó cơ quan không thể trả lời
          riêng cho bạn.
        </li>
      </ul>
    </details>
  );
}
