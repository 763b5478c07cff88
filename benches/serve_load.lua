-- wrk script for benches/serve_load.sh: cycles through the request targets listed one per line
-- in the file named by WHOSAID_TARGETS (mixed search / who / timeline / facets / statement).
local targets = {}
for line in io.lines(os.getenv("WHOSAID_TARGETS")) do
  if #line > 0 then targets[#targets + 1] = line end
end
local i = 0
request = function()
  i = i % #targets + 1
  return wrk.format("GET", targets[i])
end
