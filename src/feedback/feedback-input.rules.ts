/**
 * Checking what a citizen sends, the same for the form and the API. Pure: returns the cleaned input
 * or the Vietnamese message of each field that is wrong.
 */
import type { FieldErrors } from "../core/http/errors.js";
import { type FeedbackTopic, isFeedbackTopic, MAX_FEEDBACK_PHOTOS } from "./feedback.model.js";

export const PLACE_MAX = 300;
export const TEXT_MIN = 10;
export const TEXT_MAX = 5_000;
export const NAME_MAX = 120;
export const CONTACT_MAX = 200;

export interface FeedbackDraft {
  unitId: number | null;
  topic: string;
  place: string;
  text: string;
  senderName: string;
  senderContact: string;
  wantsReply: boolean;
  consent: boolean;
  photoCount: number;
}

export interface CleanFeedback {
  unitId: number;
  topic: FeedbackTopic;
  place: string;
  text: string;
  senderName: string | null;
  senderContact: string | null;
  wantsReply: boolean;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
/** Vietnamese phone numbers as people write them: 0912 345 678, +84 912.345.678, 024 3872 1234. */
const PHONE = /^(?:\+?84|0)\d{8,10}$/;

/** A phone number or an e-mail address? Spaces, dots and dashes inside a phone number are ignored. */
export function isContact(value: string): boolean {
  return EMAIL.test(value) || PHONE.test(value.replace(/[\s.()-]/g, ""));
}

export function checkFeedback(
  d: FeedbackDraft,
): { ok: true; value: CleanFeedback } | { ok: false; fields: FieldErrors } {
  const fields: FieldErrors = {};
  const place = d.place.trim();
  const text = d.text.trim();
  const senderName = d.senderName.trim();
  const senderContact = d.senderContact.trim();
  if (d.unitId === null) fields.unitId = "Vui lòng chọn phường, xã nhận phản ánh.";
  if (!isFeedbackTopic(d.topic)) fields.topic = "Vui lòng chọn lĩnh vực phản ánh.";
  if (!place) fields.place = "Vui lòng cho biết địa điểm (số nhà, đường, tổ dân phố…).";
  else if (place.length > PLACE_MAX) fields.place = `Địa điểm dài tối đa ${PLACE_MAX} ký tự.`;
  if (text.length < TEXT_MIN) fields.text = `Vui lòng mô tả nội dung phản ánh (ít nhất ${TEXT_MIN} ký tự).`;
  else if (text.length > TEXT_MAX) fields.text = `Nội dung dài tối đa ${TEXT_MAX} ký tự.`;
  if (senderName.length > NAME_MAX) fields.senderName = `Họ tên dài tối đa ${NAME_MAX} ký tự.`;
  if (senderContact.length > CONTACT_MAX) fields.senderContact = `Dài tối đa ${CONTACT_MAX} ký tự.`;
  else if (senderContact && !isContact(senderContact))
    fields.senderContact = "Vui lòng nhập số điện thoại (ví dụ 0912 345 678) hoặc địa chỉ thư điện tử.";
  else if (d.wantsReply && !senderContact)
    fields.senderContact = "Để nhận trả lời qua thư, vui lòng cho biết số điện thoại hoặc thư điện tử.";
  if (d.photoCount > MAX_FEEDBACK_PHOTOS) fields.photos = `Gửi được tối đa ${MAX_FEEDBACK_PHOTOS} ảnh.`;
  if (!d.consent) fields.consent = "Bạn cần đồng ý cho xử lý dữ liệu cá nhân theo thông báo để gửi phản ánh.";
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return {
    ok: true,
    value: {
      unitId: d.unitId as number,
      topic: d.topic as FeedbackTopic,
      place,
      text,
      senderName: senderName || null,
      senderContact: senderContact || null,
      wantsReply: d.wantsReply,
    },
  };
}
