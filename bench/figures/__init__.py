"""Speed figures: loads measured with wrk or Chromium, most of them over the bare view in the same run."""
