// The parts of ECharts the trend chart uses, registered once. Imported only through a dynamic
// import() in TrendChart, so ECharts is its own chunk, fetched when a chart is first shown.
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { init, use as register } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

register([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

export { init };
