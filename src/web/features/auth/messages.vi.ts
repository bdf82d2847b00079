// The words of the "Đổi mật khẩu" page. messages.en.ts must have the same keys.

export const authVi = {
  'password.title': 'Đổi mật khẩu',
  'password.intro':
    'Mật khẩu mới cần ít nhất 8 ký tự, không nằm trong danh sách mật khẩu phổ biến hoặc đã bị lộ, không dựa trên tên đăng nhập, họ tên hay tên tỉnh của bạn. Một cụm vài từ dễ nhớ là lựa chọn tốt.',
  'password.current': 'Mật khẩu hiện tại',
  'password.new': 'Mật khẩu mới',
  'password.newHint': 'Ít nhất 8 ký tự; có thể dùng chữ có dấu và dấu cách.',
  'password.confirm': 'Nhập lại mật khẩu mới',
  'password.mismatch': 'Hai lần nhập mật khẩu mới không khớp',
  'password.submit': 'Đổi mật khẩu',
  'password.submitting': 'Đang đổi…',
  'password.changed': 'Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn (trên máy khác) đã kết thúc.',
  'password.back': 'Về trang chủ',
};

export type AuthMessages = typeof authVi;
