// ECharts with only the pieces the overview uses (smaller bundle). The canvas renderer draws into a
// <canvas> and styles its containers through the CSSOM, which the console's CSP (no inline styles) allows.
import { use } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export { init, type EChartsType } from 'echarts/core';
