// The words of the search results page, in Vietnamese; messages.en.ts has the same keys.

export const searchVi = {
  'search.title': 'Tìm kiếm',
  'search.titleFor': 'Kết quả tìm “{q}”',
  'search.intro':
    'Tìm trong kế hoạch, hoạt động, bản ghi triển khai, mô hình, đoàn giám sát, văn bản góp ý, cơ quan và người dùng mà bạn được xem. Gõ có dấu hay không dấu đều được.',
  'search.label': 'Từ cần tìm',
  'search.submit': 'Tìm',
  'search.prompt': 'Nhập từ cần tìm vào ô trên.',
  'search.empty': 'Không tìm thấy gì khớp với “{q}” trong phạm vi bạn được xem.',
  'search.count': '{count} kết quả',
  'search.more': 'Xem tất cả trong danh sách {kind}',
  'kind.plan': 'Kế hoạch',
  'kind.activity': 'Hoạt động',
  'kind.record': 'Bản ghi triển khai',
  'kind.model': 'Mô hình',
  'kind.mission': 'Đoàn giám sát',
  'kind.policy_review': 'Văn bản góp ý, thẩm định',
  'kind.agency': 'Cơ quan',
  'kind.user': 'Người dùng',
};

export type SearchMessages = Record<keyof typeof searchVi, string>;
