/**
 * Vietnamese names for the codes the audit log stores (actions and kinds of record), so the log reads
 * as a list of events, not of identifiers. A code without a name is shown as stored.
 */

export const ACTION_LABELS: Record<string, string> = {
  create: "Tạo mới",
  update: "Cập nhật",
  delete: "Xóa",
  restore: "Khôi phục",
  publish: "Đăng bài",
  auto_publish: "Đăng theo lịch",
  unpublish: "Gỡ bài",
  submit: "Gửi duyệt",
  approve: "Phê duyệt",
  return: "Trả lại",
  reopen: "Mở lại",
  receive: "Tiếp nhận",
  report_progress: "Báo cáo tiến độ",
  confirm: "Xác nhận hoàn thành",
  pause: "Tạm dừng",
  resume: "Tiếp tục",
  cancel: "Hủy",
  reassign: "Giao lại",
  request_extension: "Đề nghị gia hạn",
  grant_extension: "Đồng ý gia hạn",
  refuse_extension: "Không đồng ý gia hạn",
  answer: "Trả lời",
  make_directive: "Chuyển thành nhiệm vụ",
  quota: "Đặt chỉ tiêu xếp loại",
  login: "Đăng nhập",
  logout: "Đăng xuất",
  password_change: "Đổi mật khẩu",
  password_reset: "Đặt lại mật khẩu",
  revoke: "Thu hồi",
  demo_load: "Nạp dữ liệu mẫu",
  demo_reset: "Nạp lại dữ liệu mẫu",
};

export const ENTITY_LABELS: Record<string, string> = {
  article: "Bài viết",
  category: "Chuyên mục",
  tag: "Từ khóa",
  media: "Ảnh",
  unit: "Đơn vị",
  unit_portal: "Trang giới thiệu đơn vị",
  user: "Người dùng",
  role_grant: "Quyền",
  api_token: "Mã truy cập API",
  indicator: "Chỉ tiêu",
  target: "Mức chỉ tiêu giao",
  result: "Kết quả",
  department_assessment: "Đánh giá của phòng, ban",
  department_staff: "Cán bộ phòng, ban",
  emulation_scheme: "Bảng tiêu chí thi đua",
  emulation_criterion: "Tiêu chí thi đua",
  emulation_cluster: "Cụm thi đua",
  emulation_score: "Điểm thi đua",
  quality_rating: "Xếp loại chất lượng",
  award_proposal: "Đề nghị khen thưởng",
  work_program_item: "Chương trình công tác",
  working_session: "Buổi làm việc",
  conclusion_notice: "Thông báo kết luận",
  directive: "Nhiệm vụ",
  proposal: "Kiến nghị, đề xuất",
  demo: "Dữ liệu mẫu",
};

export function actionLabel(code: string): string {
  return ACTION_LABELS[code] ?? code;
}

export function entityLabel(code: string): string {
  return ENTITY_LABELS[code] ?? code;
}
