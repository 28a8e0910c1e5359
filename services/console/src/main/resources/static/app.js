// 抚顺市防止返贫动态监测和帮扶平台 · console
// ES modules without a build step (js/): what the browser runs is what is in this folder. Views build
// their markup with html`` (js/html.js), which escapes every value it is given.
import { start } from './js/main.js';

start();
