// The words of the budget pages. messages.en.ts must have the same keys.

export const budgetsVi = {
  title: 'Kinh phí',
  intro:
    'Dự toán và kinh phí đã chi theo nội dung, tỉnh, nguồn kinh phí và hoạt động. Đã chi là chi phí ghi trên các bản ghi thực hiện; số liệu của các tỉnh triển khai được cộng vào hoạt động trung ương tương ứng.',
  export: 'Tải bảng (.xlsx)',
  planAmounts: 'Lập dự toán',
  saving: 'Đang lưu…',
  'filter.plan': 'Kế hoạch',
  'filter.choosePlan': '— Chọn kế hoạch —',
  'filter.year': 'Hoặc theo năm',
  'filter.byPlan': '— Theo kế hoạch đã chọn —',
  'filter.allPlansOf': 'Mọi kế hoạch năm {year}',
  noPlan: 'Chọn một kế hoạch (hoặc một năm) để xem kinh phí.',
  empty: 'Kế hoạch này chưa có dự toán và chưa ghi nhận khoản chi nào.',
  'stat.planned': 'dự toán',
  'stat.spent': 'đã chi ({n} bản ghi có chi phí)',
  'stat.share': 'tỷ lệ đã chi',
  bySource: 'Theo nguồn kinh phí',
  bySection: 'Theo nội dung',
  byProvince: 'Theo tỉnh, thành phố',
  byActivity: 'Theo hoạt động',
  'col.source': 'Nguồn kinh phí',
  'col.section': 'Nội dung',
  'col.province': 'Tỉnh, thành phố',
  'col.activity': 'Hoạt động',
  'col.planned': 'Dự toán',
  'col.spent': 'Đã chi',
  'col.share': 'Tỷ lệ đã chi',
  total: 'Tổng cộng',
  central: 'Cấp trung ương',
  backToBudgets: 'Kinh phí',
  'plan.title': 'Lập dự toán kinh phí',
  'plan.intro':
    'Dự toán từng hoạt động theo nguồn kinh phí, cho một tỉnh hoặc cấp trung ương. Nhập số tiền bằng đồng, ví dụ 25.000.000.',
  'plan.level': 'Cấp, địa bàn',
  'plan.readOnly': 'Bạn chỉ xem được dự toán của cấp, địa bàn này.',
  'plan.partly':
    'Hoạt động do cơ quan khác chủ trì chỉ xem được: bạn lập dự toán cho hoạt động của cơ quan mình và các cơ quan trực thuộc.',
  'plan.saved': 'Đã lưu dự toán.',
  'plan.rowError': 'Chưa lưu gì. Hoạt động {number}: {message}',
  'plan.save': 'Lưu dự toán ({n} hoạt động đã sửa)',
  'plan.grandTotal': 'Tổng dự toán',
};

export type BudgetsMessages = typeof budgetsVi;
