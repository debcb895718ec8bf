// ECharts with only what the search histogram draws (a smaller bundle than the full build). The canvas
// renderer draws into a <canvas> and sizes its containers through the CSSOM, which the console's CSP
// (no inline styles) allows; the tooltip is drawn on the canvas too (richText), not as HTML.
import { use } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export { init, type EChartsType } from 'echarts/core';
