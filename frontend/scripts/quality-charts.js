// The recommender's quality charts, drawn with Apache ECharts: one file for the operator's page
// (/admin/quality) and for the report `evaluate --report DIR` writes, so both show the same thing.
// `data` is { blend: <the model's BlendSettings as JSON>, results: [{name, ndcg, recall, map}] }.
(function () {
  const palette = ['#e5a00d', '#4c9be8', '#7cc47f', '#e06c75', '#b392f0', '#56b6c2'];

  function chart(el) {
    const existing = echarts.getInstanceByDom(el);
    if (existing) {
      existing.dispose();
    }
    const instance = echarts.init(el, null, {renderer: 'svg'});
    new ResizeObserver(() => instance.resize()).observe(el);
    return instance;
  }

  const axisText = {color: '#cfd3da'};

  window.movierecQuality = {
    /** nDCG@10 at each ALS weight on the validation users: all of them, and per activity. */
    curve(el, data) {
      const blend = data.blend;
      const series = [{
        name: 'all users (whole histories)',
        type: 'line',
        data: blend.curve.map(p => [p.alsWeight, p.ndcg]),
        lineStyle: {width: 3},
        // the label runs along the line, inside the plot: above its end it was cut off at the
        // chart's edge when the chosen weight is near 0 or 1
        markLine: {symbol: 'none',
                   label: {formatter: 'chosen ' + blend.alsWeight, color: '#cfd3da',
                           position: 'insideEndTop'},
                   data: [{xAxis: blend.alsWeight}]}
      }];
      blend.byActivity.forEach(bucket => series.push({
        name: bucket.minRatings + (bucket.maxRatings > 1e9 ? '+' : '-' + bucket.maxRatings) + ' ratings',
        type: 'line', symbol: 'none', lineStyle: {type: 'dashed'},
        data: bucket.curve.map(p => [p.alsWeight, p.ndcg])
      }));
      chart(el).setOption({
        color: palette, animation: false,
        title: {text: 'Validation nDCG@10 by ALS weight', textStyle: {color: '#f1f3f5', fontSize: 14}},
        tooltip: {trigger: 'axis', valueFormatter: v => v.toFixed(4)},
        // one scrolling row: five entries wrapped over the axis name on a phone
        legend: {type: 'scroll', bottom: 0, textStyle: axisText, pageTextStyle: axisText},
        grid: {left: 50, right: 20, top: 40, bottom: 60},
        xAxis: {type: 'value', min: 0, max: 1, name: 'ALS weight', nameLocation: 'middle',
                nameGap: 25, axisLabel: axisText, nameTextStyle: axisText},
        yAxis: {type: 'value', scale: true, axisLabel: axisText},
        series: series
      });
    },

    /** The ALS weight chosen for each activity bucket (how many ratings a user has). */
    activity(el, data) {
      const buckets = data.blend.byActivity;
      chart(el).setOption({
        color: palette, animation: false,
        title: {text: 'ALS weight by user activity', textStyle: {color: '#f1f3f5', fontSize: 14}},
        tooltip: {trigger: 'axis'},
        grid: {left: 50, right: 20, top: 40, bottom: 40},
        xAxis: {type: 'category', axisLabel: axisText,
                data: buckets.map(b => b.minRatings + (b.maxRatings > 1e9 ? '+' : '-' + b.maxRatings))},
        yAxis: {type: 'value', min: 0, max: 1, axisLabel: axisText},
        series: [{type: 'bar', name: 'ALS weight', data: buckets.map(b => b.alsWeight),
                  label: {show: true, position: 'top', color: '#cfd3da'}}]
      });
    },

    /** nDCG, recall and MAP at 10 of each recommender. */
    models(el, data) {
      const results = data.results;
      const metric = (name, key) => ({name: name, type: 'bar', data: results.map(r => r[key])});
      chart(el).setOption({
        color: palette, animation: false,
        title: {text: 'Quality per recommender', textStyle: {color: '#f1f3f5', fontSize: 14}},
        tooltip: {trigger: 'axis', valueFormatter: v => v.toFixed(4)},
        legend: {bottom: 0, textStyle: axisText},
        grid: {left: 50, right: 20, top: 40, bottom: el.clientWidth < 480 ? 85 : 60},
        // every recommender named, turned on a phone rather than every other one dropped
        xAxis: {type: 'category', data: results.map(r => r.name),
                axisLabel: Object.assign({interval: 0, rotate: el.clientWidth < 480 ? 30 : 0},
                                         axisText)},
        yAxis: {type: 'value', axisLabel: axisText},
        series: [metric('nDCG', 'ndcg'), metric('recall', 'recall'), metric('MAP', 'map')]
      });
    }
  };
})();
