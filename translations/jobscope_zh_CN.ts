<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApiClient</name>
    <message>
        <source>%1: cancelled</source>
        <translation>%1：已取消</translation>
    </message>
    <message>
        <source>%1: TLS handshake failed: %2</source>
        <translation>%1：TLS 握手失败：%2</translation>
    </message>
    <message>
        <source> (check the cluster&apos;s certificate-authority and tls-server-name in the kubeconfig)</source>
        <translation>（请检查 kubeconfig 中集群的 certificate-authority 和 tls-server-name）</translation>
    </message>
    <message>
        <source> (the server may require a client certificate: the kubeconfig user has none)</source>
        <translation>（服务器可能要求客户端证书，而 kubeconfig 中的用户没有）</translation>
    </message>
    <message>
        <source> (the server may not accept the kubeconfig user&apos;s client certificate)</source>
        <translation>（服务器可能不接受 kubeconfig 用户的客户端证书）</translation>
    </message>
    <message>
        <source>%1: no answer within %2 s (the request timeout)</source>
        <translation>%1：%2 秒内没有应答（请求超时）</translation>
    </message>
    <message>
        <source>%1: the answer is larger than %2 MiB, the most JobScope reads from one request (see docs/limits.md)</source>
        <translation>%1：应答大于 %2 MiB，这是 JobScope 从一个请求中读取的上限（见 docs/limits.md）</translation>
    </message>
    <message>
        <source>%1: the server answered with a redirect (HTTP %2) to &apos;%3&apos;; JobScope does not follow redirects of API requests: set the cluster&apos;s server in the kubeconfig to the API server itself</source>
        <translation>%1：服务器以重定向（HTTP %2）应答，指向 &apos;%3&apos;；JobScope 不跟随 API 请求的重定向：请把 kubeconfig 中集群的 server 设为 API 服务器本身</translation>
    </message>
</context>
<context>
    <name>CauseLabels</name>
    <message>
        <source>remaining completions</source>
        <translation>剩余完成数</translation>
    </message>
    <message>
        <source>Only the completions still missing are started: the Job never runs more Pods than it still needs.</source>
        <translation>只启动仍缺少的完成数：Job 运行的 Pod 永远不会多于它仍需要的数量。</translation>
    </message>
    <message>
        <source>work queue draining</source>
        <translation>工作队列排空中</translation>
    </message>
    <message>
        <source>A Pod has succeeded, so the queue is empty: no new Pods start and the others finish their items.</source>
        <translation>已有 Pod 成功，说明队列已空：不再启动新的 Pod，其余 Pod 处理完各自的工作项。</translation>
    </message>
    <message>
        <source>controller lag</source>
        <translation>控制器滞后</translation>
    </message>
    <message>
        <source>The controller has not reacted yet: sync delay, expectations or slow-start batches of 1, 2, 4, 8 creations.</source>
        <translation>控制器尚未做出反应：同步滞后、期望（expectations）或按 1、2、4、8 个分批的慢启动创建。</translation>
    </message>
    <message>
        <source>quota exceeded</source>
        <translation>超出配额</translation>
    </message>
    <message>
        <source>The namespace&apos;s ResourceQuota refuses more Pods.</source>
        <translation>命名空间的 ResourceQuota 拒绝创建更多 Pod。</translation>
    </message>
    <message>
        <source>creation forbidden</source>
        <translation>禁止创建</translation>
    </message>
    <message>
        <source>The controller lacks permission to create Pods.</source>
        <translation>控制器没有创建 Pod 的权限。</translation>
    </message>
    <message>
        <source>failure backoff</source>
        <translation>失败退避</translation>
    </message>
    <message>
        <source>After repeated Pod failures the controller waits (exponential backoff) before creating replacements.</source>
        <translation>Pod 多次失败后，控制器在创建替代 Pod 之前会等待（指数退避）。</translation>
    </message>
    <message>
        <source>terminating Pods</source>
        <translation>终止中的 Pod</translation>
    </message>
    <message>
        <source>Pods in graceful termination take time to stop.</source>
        <translation>处于优雅终止中的 Pod 需要时间才能停止。</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Pods exist but do not run yet: no node has room, or the image is still being pulled.</source>
        <translation>Pod 已存在但尚未运行：没有节点有空间，或镜像仍在拉取中。</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>The Job is suspended: its Pods are removed and none are created.</source>
        <translation>Job 已挂起：其 Pod 被删除，且不会创建新的 Pod。</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>scaled down</source>
        <translation>已缩容</translation>
    </message>
    <message>
        <source>Parallelism was lowered: the controller deletes the extra Pods.</source>
        <translation>并行度已降低：控制器删除多余的 Pod。</translation>
    </message>
    <message>
        <source>no difference</source>
        <translation>无差异</translation>
    </message>
    <message>
        <source>The active Pods match the requested parallelism.</source>
        <translation>活跃 Pod 数与所请求的并行度一致。</translation>
    </message>
    <message>
        <source>creation failed</source>
        <translation>创建失败</translation>
    </message>
    <message>
        <source>The API server refused Pod creations with an error; the controller retries.</source>
        <translation>API 服务器以错误拒绝了 Pod 创建；控制器会重试。</translation>
    </message>
    <message>
        <source>The Job has finished: it runs no more Pods.</source>
        <translation>Job 已结束：不再运行任何 Pod。</translation>
    </message>
</context>
<context>
    <name>CauseText</name>
    <message>
        <source>The Job was deleted.</source>
        <translation>Job 已被删除。</translation>
    </message>
    <message>
        <source>The Job has reached its end; the controller is finishing it.</source>
        <translation>Job 已到达终点；控制器正在结束它。</translation>
    </message>
    <message>
        <source>The Job is complete.</source>
        <translation>Job 已完成。</translation>
    </message>
    <message>
        <source>The Job is complete (%1).</source>
        <translation>Job 已完成（%1）。</translation>
    </message>
    <message>
        <source>The Job has failed.</source>
        <translation>Job 已失败。</translation>
    </message>
    <message>
        <source>The Job has failed (%1).</source>
        <translation>Job 已失败（%1）。</translation>
    </message>
    <message>
        <source>The Job has the condition %1.</source>
        <translation>Job 处于条件 %1。</translation>
    </message>
    <message>
        <source>The Job has the condition %1 (%2).</source>
        <translation>Job 处于条件 %1（%2）。</translation>
    </message>
    <message>
        <source>No new Pods start.</source>
        <translation>不再启动新的 Pod。</translation>
    </message>
    <message numerus="yes">
        <source>Only %n completion(s) left of %1, fewer than the parallelism of %2.</source>
        <translation>
            <numerusform>%1 个完成数中只剩 %n 个，少于并行度 %2。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A Pod has succeeded, so no new Pods start (work queue); waiting for %n active Pod(s) to finish.</source>
        <translation>
            <numerusform>已有 Pod 成功，因此不再启动新的 Pod（工作队列）；等待 %n 个活跃 Pod 结束。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n wanted Pod(s) not yet created or not yet seen by the controller.</source>
        <translation>
            <numerusform>%n 个需要的 Pod 尚未创建，或尚未被控制器看到。</numerusform>
        </translation>
    </message>
    <message>
        <source>The namespace quota allows %1; the API server refused %2 (exceeded quota).</source>
        <translation>命名空间配额只允许 %1；API 服务器拒绝了 %2（超出配额）。</translation>
    </message>
    <message numerus="yes">
        <source>%n Pod(s)</source>
        <translation>
            <numerusform>%n 个 Pod</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n creation(s)</source>
        <translation>
            <numerusform>%n 次创建</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Pod creation(s) forbidden by the API server.</source>
        <translation>
            <numerusform>API 服务器禁止了 %n 次 Pod 创建。</numerusform>
        </translation>
    </message>
    <message>
        <source>It said: %1</source>
        <translation>它的答复：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n Pod(s) still terminating.</source>
        <translation>
            <numerusform>%n 个 Pod 仍在终止中。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Pod(s) pending: created but not running yet.</source>
        <translation>
            <numerusform>%n 个 Pod 等待中：已创建但尚未运行。</numerusform>
        </translation>
    </message>
    <message>
        <source>The Job is suspended; its parallelism of %1 waits for it to resume.</source>
        <translation>Job 已挂起；并行度 %1 等待恢复。</translation>
    </message>
    <message numerus="yes">
        <source>%n Pod(s) above the target of %1 being removed.</source>
        <translation>
            <numerusform>超出目标 %1 的 %n 个 Pod 正在被删除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing holds the Job back.</source>
        <translation>没有任何因素限制 Job。</translation>
    </message>
    <message>
        <source>At %1: the Job has not been observed yet.</source>
        <translation>%1：尚未观察到 Job。</translation>
    </message>
    <message numerus="yes">
        <source>At %1: %2 of %n requested Pod(s) run</source>
        <translation>
            <numerusform>%1：请求的 %n 个 Pod 中有 %2 个在运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n 个等待中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n terminating</source>
        <translation>
            <numerusform>%n 个终止中</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message numerus="yes">
        <source>%n Pod creation(s) failed with an API server error; the controller retries.</source>
        <translation>
            <numerusform>%n 次 Pod 创建因 API 服务器错误而失败；控制器会重试。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Index %1 has failed %n time(s); the controller waits %2 s more before it retries it (a backoff of %3 s).</source>
        <translation>
            <numerusform>索引 %1 已失败 %n 次；控制器还要等待 %2 秒才会重试它（退避 %3 秒）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Indexes waiting for their backoff: %1.</source>
        <translation>等待退避结束的索引：%1 个。</translation>
    </message>
    <message numerus="yes">
        <source>%n failure(s) since the last success; the controller waits %1 s more before it creates replacements (a backoff of %2 s).</source>
        <translation>
            <numerusform>自上次成功以来失败 %n 次；控制器还要等待 %1 秒才会创建替代 Pod（退避 %2 秒）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Failed (%1)</source>
        <translation>失败（%1）</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Complete (%1)</source>
        <translation>完成（%1）</translation>
    </message>
    <message>
        <source>%1.</source>
        <comment>ends the first sentence of the narration</comment>
        <translation>%1。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>Jobs&apos; names, then what holds them back</comment>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more Job(s): %2</source>
        <comment>Jobs&apos; names, then what holds them back</comment>
        <translation>
            <numerusform>%1 等另外 %n 个 Job：%2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>JobScope shows why a Kubernetes Job runs the number of Pods it runs.</source>
        <translation>JobScope 说明 Kubernetes Job 为什么运行着这么多个 Pod。</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>显示此帮助并退出。</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>显示版本并退出。</translation>
    </message>
    <message>
        <source>Language of messages and help, such as zh_CN or en (default: the locale).</source>
        <translation>消息和帮助的语言，例如 zh_CN 或 en（默认：系统区域设置）。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The command to run.</source>
        <translation>要运行的命令。</translation>
    </message>
    <message>
        <source>&lt;command&gt; [arguments]</source>
        <translation>&lt;命令&gt; [参数]</translation>
    </message>
    <message>
        <source>Run &apos;jobscope --help&apos; for usage.</source>
        <translation>运行 &apos;jobscope --help&apos; 查看用法。</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>未知命令 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos; (did you mean &apos;%2&apos;?)</source>
        <translation>未知命令 &apos;%1&apos;（您是指 &apos;%2&apos; 吗？）</translation>
    </message>
    <message>
        <source>jobscope: warning: no translation for &apos;%1&apos;; messages stay in English
</source>
        <translation>jobscope: warning: 没有 &apos;%1&apos; 的翻译；消息保持为英文
</translation>
    </message>
    <message>
        <source>The app: light, dark or system colours for this run (default: as saved).</source>
        <translation>应用：本次运行使用浅色、深色或系统配色（默认：按已保存的设置）。</translation>
    </message>
    <message>
        <source>theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>The app: the window&apos;s size in pixels, such as 1280x720.</source>
        <translation>应用：窗口大小（像素），例如 1280x720。</translation>
    </message>
    <message>
        <source>WxH</source>
        <translation>宽x高</translation>
    </message>
    <message>
        <source>The app: put the playhead at this time (seconds since the Job was created).</source>
        <translation>应用：把播放头放在这个时间（自 Job 创建以来的秒数）。</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>The app: draw the window offscreen into this PNG and exit (no display needed; the saved settings are not used).</source>
        <translation>应用：在屏幕外把窗口绘制到这个 PNG 文件后退出（不需要显示器；不使用已保存的设置）。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>--%1 is an option of the desktop app, not of a command</source>
        <translation>--%1 是桌面应用的选项，不是命令的选项</translation>
    </message>
    <message>
        <source>The app: show this span of time (seconds since the Job was created), as a zoom.</source>
        <translation>桌面应用：显示这段时间（自 Job 创建以来的秒数），作为一次缩放。</translation>
    </message>
    <message>
        <source>FROM..TO</source>
        <translation>起..止</translation>
    </message>
    <message>
        <source>The app: select this span of time, as Shift+drag on the plot does.</source>
        <translation>桌面应用：选中这段时间，与在图上按住 Shift 拖动相同。</translation>
    </message>
    <message>
        <source>The app: open the editor&apos;s Find bar on this text.</source>
        <translation>桌面应用：打开编辑器的查找栏并查找此文本。</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>The app: follow this Job on a cluster (live mode) instead of opening a file.</source>
        <translation>桌面应用：跟踪集群上的这个 Job（实时模式），而不是打开文件。</translation>
    </message>
    <message>
        <source>job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>Commands:
  reconcile FILE   Run one sync of the Job controller on the state in FILE
                   and print what it does, and why, as JSON.
  simulate FILE    Simulate the Job of a scenario or manifest and write the
                   parallelism, its causes, Pods and Events (CSV, PNG).
                   FILE may be &apos;-&apos; (standard input) or example:NAME.
  sweep FILE       Simulate it over a grid of values (--vary) and seeds and
                   write one CSV row per point.
  examples         List the built-in examples (NAME and title).
  record           Watch a Job on a cluster and record it to a trace.
  replay PATH      Play back a trace or a kubectl capture and write the same
                   reports as simulate.
  whatif PATH      Fork a recorded Job into the simulator at a moment (--at)
                   and simulate what would have happened with other values.
  lesson           Render the built-in lesson (or another) as PNG slides.

Without a command, or with a FILE, the desktop app opens (on FILE, or on a
built-in example).

Run &apos;jobscope &lt;command&gt; --help&apos; for the options of a command.
</source>
        <translation>命令：
  reconcile FILE   对 FILE 中的状态运行一次 Job 控制器同步，
                   以 JSON 输出它做了什么以及原因。
  simulate FILE    模拟场景或清单中的 Job，输出并行度、其原因、
                   Pod 和事件（CSV、PNG）。
                   FILE 可以是 &apos;-&apos;（标准输入）或 example:NAME。
  sweep FILE       在一组取值（--vary）和种子上模拟它，
                   每个取值点输出一行 CSV。
  examples         列出内置示例（名称和标题）。
  record           监视集群中的一个 Job 并录制到跟踪文件。
  replay PATH      回放跟踪文件或 kubectl 捕获，输出与 simulate
                   相同的报告。
  whatif PATH      在某一时刻（--at）把录制的 Job 分叉进模拟器，
                   模拟换成其他取值时会发生什么。
  lesson           把内置课程（或其他课程）渲染为 PNG 幻灯片。

不带命令或带 FILE 时打开桌面应用（打开 FILE，或内置示例）。

运行 &apos;jobscope &lt;command&gt; --help&apos; 查看命令的选项。
</translation>
    </message>
    <message>
        <source>The app, with a recording FILE and --at: open the recording&apos;s what-if from that moment (Simulate › What If From Here).</source>
        <translation>应用：与录制文件 FILE 和 --at 一起使用时，打开该录制从该时刻起的假设推演（模拟 › 从此处假设推演）。</translation>
    </message>
    <message>
        <source>The app: change one value of the opened scenario, manifest or what-if once it has run, as &apos;simulate --set&apos; does (repeatable), such as spec.parallelism=8.</source>
        <translation>应用：在打开的场景、清单或假设推演运行之后修改其中的一个值，与 &apos;simulate --set&apos; 相同（可重复），例如 spec.parallelism=8。</translation>
    </message>
    <message>
        <source>PATH=VALUE</source>
        <translation>路径=值</translation>
    </message>
    <message>
        <source>The app: follow every Job of the namespace on a cluster (live mode), including Jobs created while watching.</source>
        <translation>桌面应用：跟踪集群上该命名空间的每个 Job（实时模式），包括跟踪期间新建的 Job。</translation>
    </message>
    <message>
        <source>The app: follow the Jobs of the namespace whose labels this selector matches, as kubectl -l (live mode).</source>
        <translation>桌面应用：跟踪该命名空间中标签与此选择器匹配的 Job（与 kubectl -l 相同，实时模式）。</translation>
    </message>
    <message>
        <source>selector</source>
        <translation>选择器</translation>
    </message>
    <message>
        <source>The app, in live mode: the kubeconfig file (default: KUBECONFIG, else ~/.kube/config).</source>
        <translation>桌面应用，实时模式：kubeconfig 文件（默认：KUBECONFIG，否则 ~/.kube/config）。</translation>
    </message>
    <message>
        <source>The app, in live mode: the kubeconfig context (default: its current one).</source>
        <translation>桌面应用，实时模式：kubeconfig 上下文（默认：其当前上下文）。</translation>
    </message>
    <message>
        <source>The app, in live mode: the Job&apos;s namespace (default: the context&apos;s).</source>
        <translation>桌面应用，实时模式：Job 所在的命名空间（默认：上下文的命名空间）。</translation>
    </message>
</context>
<context>
    <name>DifferenceText</name>
    <message>
        <source>finishes at the same time</source>
        <translation>结束时间相同</translation>
    </message>
    <message>
        <source>finishes %1 s earlier</source>
        <translation>早 %1 秒结束</translation>
    </message>
    <message>
        <source>finishes %1 s later</source>
        <translation>晚 %1 秒结束</translation>
    </message>
    <message>
        <source>does not finish (the recording does at %1 s)</source>
        <translation>没有结束（录制在第 %1 秒结束）</translation>
    </message>
    <message>
        <source>finishes at %1 s (the recording does not)</source>
        <translation>在第 %1 秒结束（录制没有结束）</translation>
    </message>
    <message>
        <source>the same Pod-seconds</source>
        <translation>Pod·秒相同</translation>
    </message>
    <message>
        <source>%1 Pod-seconds fewer</source>
        <translation>少 %1 Pod·秒</translation>
    </message>
    <message>
        <source>%1 Pod-seconds more</source>
        <translation>多 %1 Pod·秒</translation>
    </message>
    <message>
        <source>, </source>
        <comment>separates the parts of a difference</comment>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>DumpImporter</name>
    <message numerus="yes">
        <source>%1: %n object(s) that are not a Job, Pod or Event were skipped</source>
        <translation>
            <numerusform>%1：跳过了 %n 个不是 Job、Pod 或 Event 的对象</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: error: the dump holds no Job (expected the output of &apos;kubectl get job,pods,events -o json&apos;)</source>
        <translation>%1：错误：转储中没有 Job（应为 &apos;kubectl get job,pods,events -o json&apos; 的输出）</translation>
    </message>
    <message>
        <source>%1: the dump holds %2 Jobs (%3); showing the first</source>
        <translation>%1：转储中有 %2 个 Job（%3）；显示第一个</translation>
    </message>
    <message>
        <source>%1: error: the dump&apos;s Job %2 cannot be replayed: %3</source>
        <translation>%1：错误：转储中的 Job %2 无法回放：%3</translation>
    </message>
    <message>
        <source>it has no metadata.uid</source>
        <translation>它没有 metadata.uid</translation>
    </message>
</context>
<context>
    <name>ExampleCatalog</name>
    <message>
        <source>&amp;Patterns</source>
        <translation>模式(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Trade-offs</source>
        <translation>权衡(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Causes</source>
        <translation>原因(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Recorded on a Real Cluster</source>
        <translation>真实集群录制(&amp;R)</translation>
    </message>
    <message>
        <source>10 completions, 3 Pods at a time</source>
        <translation>10 次完成，每次 3 个 Pod</translation>
    </message>
    <message>
        <source>Recorded on a real control plane: completions 10, parallelism 3, every Pod runs 5 s. The Pods come in waves of 3, 3, 3 and 1, each about 1 s after the previous wave ended (the controller batches Pod events for 1 s). Complete at 29.1 s.</source>
        <translation>在真实控制平面上录制：completions 为 10，parallelism 为 3，每个 Pod 运行 5 秒。Pod 按 3、3、3、1 分批创建，每批在上一批结束约 1 秒后出现（控制器把 Pod 事件攒 1 秒再处理）。29.1 秒完成。</translation>
    </message>
    <message>
        <source>Work queue of 4 Pods</source>
        <translation>4 个 Pod 的工作队列</translation>
    </message>
    <message>
        <source>Recorded on a real control plane: parallelism 4, completions unset. All 4 Pods start at once; once the first one succeeds (after 8 s) no new Pod is created and the others finish their work. Complete at 14.3 s.</source>
        <translation>在真实控制平面上录制：parallelism 为 4，未设置 completions。4 个 Pod 同时启动；第一个 Pod 成功（8 秒后）之后不再创建新的 Pod，其余 Pod 做完各自的工作。14.3 秒完成。</translation>
    </message>
    <message>
        <source>Quota of 2 Pods, 6 completions</source>
        <translation>限额 2 个 Pod，6 次完成</translation>
    </message>
    <message>
        <source>Recorded on a real control plane: completions 6, parallelism 5, but the namespace&apos;s ResourceQuota allows 2 Pods. The other creations are refused (FailedCreate: exceeded quota) and retried about once a second. Complete at 21.9 s.</source>
        <translation>在真实控制平面上录制：completions 为 6，parallelism 为 5，但命名空间的 ResourceQuota 只允许 2 个 Pod。其余创建请求被拒绝（FailedCreate: exceeded quota），大约每秒重试一次。21.9 秒完成。</translation>
    </message>
    <message>
        <source>Suspended, then resumed after 5 s</source>
        <translation>先挂起，5 秒后恢复</translation>
    </message>
    <message>
        <source>Recorded on a real control plane: created with suspend: true and resumed about 5 s later; completions 4, parallelism 2, Pods run 10 s. No Pod while suspended, then two waves of 2. Complete at 29.8 s.</source>
        <translation>在真实控制平面上录制：以 suspend: true 创建，约 5 秒后恢复；completions 为 4，parallelism 为 2，Pod 运行 10 秒。挂起期间没有 Pod，之后分两批、每批 2 个。29.8 秒完成。</translation>
    </message>
    <message>
        <source>Calibrated simulations</source>
        <translation>校准模拟</translation>
    </message>
    <message>
        <source>10 Jobs of 10 completions, 2 s apart</source>
        <translation>10 个 Job，各 10 次完成，间隔 2 秒</translation>
    </message>
    <message>
        <source>Every Job of a namespace: ten copies of the recorded Job &quot;10 completions, 3 Pods at a time&quot;, created 2 s apart, served by the repository&apos;s fake API server (scripts/fake-apiserver.py --copies 10 --stagger 2) and recorded with jobscope record --all-jobs. Up to 30 Pods at once; the Job chooser shows each Job on its own. The last one completes at 47.2 s.</source>
        <translation>一个命名空间中的所有 Job：录制的 Job“10 次完成，每次 3 个 Pod”的 10 个副本，间隔 2 秒创建，由仓库中的模拟 API 服务器提供（scripts/fake-apiserver.py --copies 10 --stagger 2），并用 jobscope record --all-jobs 录制。同时最多 30 个 Pod；用 Job 选择框可单独查看每个 Job。最后一个在 47.2 秒完成。</translation>
    </message>
</context>
<context>
    <name>ExampleInput</name>
    <message>
        <source>no example &apos;%1&apos;; &apos;jobscope examples&apos; lists them</source>
        <translation>没有示例 &apos;%1&apos;；&apos;jobscope examples&apos; 会列出所有示例</translation>
    </message>
    <message>
        <source>no example &apos;%1&apos; (did you mean &apos;%2&apos;?); &apos;jobscope examples&apos; lists them</source>
        <translation>没有示例 &apos;%1&apos;（您是指 &apos;%2&apos; 吗？）；&apos;jobscope examples&apos; 会列出所有示例</translation>
    </message>
</context>
<context>
    <name>ExamplesCommand</name>
    <message>
        <source>Lists the examples built into JobScope: the patterns, the trade-offs, one
example per cause and the calibrated simulations of Jobs recorded on a real
cluster. Each line holds the NAME that &apos;jobscope simulate example:NAME&apos; runs,
then the example&apos;s title.</source>
        <translation>列出 JobScope 内置的示例：各种模式、权衡、每种原因一个示例，以及在真实集群上
录制的 Job 的校准模拟。每行先是 &apos;jobscope simulate example:NAME&apos; 所用的 NAME，
然后是示例的标题。</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>显示此帮助并退出。</translation>
    </message>
    <message>
        <source>Language of messages and help, such as zh_CN or en (default: the locale).</source>
        <translation>消息和帮助的语言，例如 zh_CN 或 en（默认：系统区域设置）。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Run &apos;jobscope examples --help&apos; for usage.</source>
        <translation>运行 &apos;jobscope examples --help&apos; 查看用法。</translation>
    </message>
    <message>
        <source>&apos;jobscope examples&apos; takes no argument, got: %1</source>
        <translation>&apos;jobscope examples&apos; 不接受参数，却给出了：%1</translation>
    </message>
</context>
<context>
    <name>ExecCredential</name>
    <message>
        <source>the exec plugin did not print an ExecCredential JSON object</source>
        <translation>exec 插件没有输出 ExecCredential JSON 对象</translation>
    </message>
    <message>
        <source>the exec plugin printed an object whose kind is not ExecCredential</source>
        <translation>exec 插件输出的对象的 kind 不是 ExecCredential</translation>
    </message>
    <message>
        <source>the exec plugin answered with apiVersion &apos;%1&apos;, but the kubeconfig asks for &apos;%2&apos;</source>
        <translation>exec 插件返回的 apiVersion 是 &apos;%1&apos;，而 kubeconfig 要求 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>the exec plugin&apos;s ExecCredential has neither status.token nor status.clientCertificateData with status.clientKeyData</source>
        <translation>exec 插件的 ExecCredential 既没有 status.token，也没有 status.clientCertificateData 和 status.clientKeyData</translation>
    </message>
    <message>
        <source>the exec plugin&apos;s status.expirationTimestamp &apos;%1&apos; is not RFC 3339</source>
        <translation>exec 插件的 status.expirationTimestamp &apos;%1&apos; 不是 RFC 3339 时间</translation>
    </message>
    <message>
        <source>the exec plugin &apos;%1&apos; did not answer within %2 s</source>
        <translation>exec 插件 &apos;%1&apos; 在 %2 秒内没有应答</translation>
    </message>
    <message>
        <source>the kubeconfig user has no exec plugin</source>
        <translation>该 kubeconfig 用户没有 exec 插件</translation>
    </message>
    <message>
        <source>the exec plugin &apos;%1&apos; needs an interactive terminal (interactiveMode: Always); log in once with kubectl, then connect again</source>
        <translation>exec 插件 &apos;%1&apos; 需要交互式终端（interactiveMode: Always）；请先用 kubectl 登录一次，再重新连接</translation>
    </message>
    <message>
        <source>the exec plugin &apos;%1&apos; could not be started: %2</source>
        <translation>无法启动 exec 插件 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <source>the exec plugin &apos;%1&apos; failed (exit status %2)</source>
        <translation>exec 插件 &apos;%1&apos; 执行失败（退出状态 %2）</translation>
    </message>
    <message>
        <source>the exec plugin &apos;%1&apos; printed more than %2 MiB, more than any ExecCredential (see docs/limits.md)</source>
        <translation>exec 插件 &apos;%1&apos; 输出超过 %2 MiB，比任何 ExecCredential 都大（见 docs/limits.md）</translation>
    </message>
</context>
<context>
    <name>GuiOptions</name>
    <message>
        <source>--theme takes light, dark or system, not &apos;%1&apos;</source>
        <translation>--theme 接受 light、dark 或 system，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--size takes WIDTHxHEIGHT in pixels, each from 200 to %1, not &apos;%2&apos;</source>
        <translation>--size 接受以像素为单位的 宽x高，每边 200 到 %1，而不是 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>--at takes a time in seconds (0 or more), not &apos;%1&apos;</source>
        <translation>--at 接受以秒为单位的时间（0 或更大），而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--screenshot takes a PNG file name</source>
        <translation>--screenshot 需要一个 PNG 文件名</translation>
    </message>
    <message>
        <source>--%1 takes FROM..TO in seconds (0 &lt;= FROM &lt; TO), not &apos;%2&apos;</source>
        <translation>--%1 需要 FROM..TO 形式的秒数（0 &lt;= FROM &lt; TO），而不是“%2”</translation>
    </message>
    <message>
        <source>use --kubeconfig FILE</source>
        <translation>请使用 --kubeconfig FILE</translation>
    </message>
    <message>
        <source>--live follows a Job on a cluster: it takes no file</source>
        <translation>--live 跟踪集群上的 Job：不接受文件</translation>
    </message>
    <message>
        <source>--whatif takes a recording FILE and --at T, the moment to go on from</source>
        <translation>--whatif 需要一个录制文件 FILE 和 --at T（从哪个时刻继续推演）</translation>
    </message>
    <message>
        <source>--set changes a scenario, a manifest or a what-if; %1 is a recording (add --whatif --at T)</source>
        <translation>--set 修改的是场景、清单或假设推演；%1 是录制（请加上 --whatif --at T）</translation>
    </message>
    <message>
        <source>--set %1: cannot be set in %2 (%3)</source>
        <translation>--set %1：无法在 %2 中设置（%3）</translation>
    </message>
    <message>
        <source>--set takes PATH=VALUE, such as spec.parallelism=8, not &apos;%1&apos;</source>
        <translation>--set 需要 路径=值，例如 spec.parallelism=8，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--live-selector takes a label selector as kubectl -l does, such as app=batch: %1</source>
        <translation>--live-selector 需要一个与 kubectl -l 相同的标签选择器，例如 app=batch：%1</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>它为空</translation>
    </message>
    <message>
        <source>choose one of --live JOB, --live-all-jobs and --live-selector</source>
        <translation>--live JOB、--live-all-jobs 和 --live-selector 只能选一个</translation>
    </message>
</context>
<context>
    <name>Kubeconfig</name>
    <message>
        <source>&apos;%1&apos; must be a list</source>
        <translation>&apos;%1&apos; 必须是列表</translation>
    </message>
    <message>
        <source>each entry of &apos;%1&apos; must be a map</source>
        <translation>&apos;%1&apos; 的每一项都必须是映射</translation>
    </message>
    <message>
        <source>an entry of &apos;%1&apos; has no name</source>
        <translation>&apos;%1&apos; 中有一项没有名称</translation>
    </message>
    <message>
        <source>&apos;%1&apos; of &apos;%2&apos; must be a map</source>
        <translation>&apos;%2&apos; 的 &apos;%1&apos; 必须是映射</translation>
    </message>
    <message>
        <source>a kubeconfig must be a map (kind: Config)</source>
        <translation>kubeconfig 必须是映射（kind: Config）</translation>
    </message>
    <message>
        <source>none of the files in KUBECONFIG exists: %1</source>
        <translation>KUBECONFIG 中的文件都不存在：%1</translation>
    </message>
    <message>
        <source>%1: not valid base64 data</source>
        <translation>%1：不是有效的 base64 数据</translation>
    </message>
    <message>
        <source>%1: cannot read %2: %3</source>
        <translation>%1：无法读取 %2：%3</translation>
    </message>
    <message>
        <source>users[%1].user.exec must be a map</source>
        <translation>users[%1].user.exec 必须是映射</translation>
    </message>
    <message>
        <source>users[%1].user.exec.env: each entry needs a name and a value</source>
        <translation>users[%1].user.exec.env：每一项都需要 name 和 value</translation>
    </message>
    <message>
        <source>users[%1].user.exec.command is missing</source>
        <translation>缺少 users[%1].user.exec.command</translation>
    </message>
    <message>
        <source>users[%1].user.exec.apiVersion &apos;%2&apos; is not supported (use client.authentication.k8s.io/v1)</source>
        <translation>不支持 users[%1].user.exec.apiVersion &apos;%2&apos;（请使用 client.authentication.k8s.io/v1）</translation>
    </message>
    <message>
        <source>%1: no current-context is set (use --context NAME)</source>
        <translation>%1：未设置 current-context（请使用 --context NAME）</translation>
    </message>
    <message>
        <source>context &apos;%1&apos; is not in the kubeconfig (%2)</source>
        <translation>kubeconfig（%2）中没有上下文 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>; its contexts are: %1</source>
        <translation>；其中的上下文有：%1</translation>
    </message>
    <message>
        <source>context &apos;%1&apos; names cluster &apos;%2&apos;, which is not in the kubeconfig</source>
        <translation>上下文 &apos;%1&apos; 指定的集群 &apos;%2&apos; 不在 kubeconfig 中</translation>
    </message>
    <message>
        <source>cluster &apos;%1&apos; has no server</source>
        <translation>集群 &apos;%1&apos; 没有 server</translation>
    </message>
    <message>
        <source>cluster &apos;%1&apos;: the certificate authority is not a PEM certificate</source>
        <translation>集群 &apos;%1&apos;：证书颁发机构不是 PEM 证书</translation>
    </message>
    <message>
        <source>cluster &apos;%1&apos; sets insecure-skip-tls-verify: the server&apos;s certificate is not checked, so anyone on the network path could pose as the cluster</source>
        <translation>集群 &apos;%1&apos; 设置了 insecure-skip-tls-verify：不会检查服务器证书，网络路径上的任何人都可以冒充该集群</translation>
    </message>
    <message>
        <source>context &apos;%1&apos; names user &apos;%2&apos;, which is not in the kubeconfig</source>
        <translation>上下文 &apos;%1&apos; 指定的用户 &apos;%2&apos; 不在 kubeconfig 中</translation>
    </message>
    <message>
        <source>user &apos;%1&apos; uses the auth-provider &apos;%2&apos;, which kubectl and JobScope no longer support: switch to an exec credential plugin (such as gke-gcloud-auth-plugin or kubelogin), or run &apos;kubectl proxy&apos; and connect to http://127.0.0.1:8001</source>
        <translation>用户 &apos;%1&apos; 使用了 auth-provider &apos;%2&apos;，kubectl 和 JobScope 都已不再支持：请改用 exec 凭据插件（例如 gke-gcloud-auth-plugin 或 kubelogin），或者运行 &apos;kubectl proxy&apos; 并连接到 http://127.0.0.1:8001</translation>
    </message>
    <message>
        <source>user &apos;%1&apos;: the client certificate is not a PEM certificate</source>
        <translation>用户 &apos;%1&apos;：客户端证书不是 PEM 证书</translation>
    </message>
    <message>
        <source>user &apos;%1&apos;: the client key is not a PEM RSA or EC key</source>
        <translation>用户 &apos;%1&apos;：客户端密钥不是 PEM 格式的 RSA 或 EC 密钥</translation>
    </message>
    <message>
        <source>user &apos;%1&apos; has a client certificate without a key, or a key without a certificate</source>
        <translation>用户 &apos;%1&apos; 有客户端证书却没有密钥，或有密钥却没有证书</translation>
    </message>
    <message>
        <source>no kubeconfig: %1 does not exist and KUBECONFIG is not set</source>
        <translation>没有 kubeconfig：%1 不存在，且未设置 KUBECONFIG</translation>
    </message>
    <message>
        <source>duplicate key &apos;%1&apos;: the one at line %2 is used, as kubectl does</source>
        <translation>重复的键 &apos;%1&apos;：与 kubectl 一样，使用第 %2 行的那个</translation>
    </message>
    <message>
        <source>is not a valid URL: %1</source>
        <translation>不是有效的 URL：%1</translation>
    </message>
    <message>
        <source>has the scheme &apos;%1&apos;: an API server is reached over https:// (or http:// through kubectl proxy)</source>
        <translation>使用了协议 &apos;%1&apos;：API 服务器要通过 https:// 访问（或通过 kubectl proxy 使用 http://）</translation>
    </message>
    <message>
        <source>names no host</source>
        <translation>没有指定主机</translation>
    </message>
    <message>
        <source>has a query or fragment: an API server&apos;s URL has only a scheme, a host, a port and a path</source>
        <translation>带有查询或片段：API 服务器的 URL 只有协议、主机、端口和路径</translation>
    </message>
    <message>
        <source>duplicate name &apos;%1&apos; in &apos;%2&apos;: each entry needs its own name, as kubectl requires</source>
        <translation>&apos;%2&apos; 中有重复的名称 &apos;%1&apos;：与 kubectl 的要求一样，每个条目都需要自己的名称</translation>
    </message>
    <message>
        <source>cluster &apos;%1&apos;: server &apos;%2&apos; %3</source>
        <translation>集群 &apos;%1&apos;：server &apos;%2&apos; %3</translation>
    </message>
</context>
<context>
    <name>KubectlImporter</name>
    <message>
        <source>%1:%2:%3: the last value is incomplete (the capture stopped while writing it); read up to the one before</source>
        <translation>%1:%2:%3：最后一个值不完整（捕获在写入时停止）；读取到前一个值为止</translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation>应为一个 JSON 对象</translation>
    </message>
    <message>
        <source>%1: no such folder</source>
        <translation>%1：文件夹不存在</translation>
    </message>
    <message>
        <source>%1: error: no kubectl watch streams here (watch-jobs.jsonl, watch-pods.jsonl, watch-events.jsonl; see docs/live.md)</source>
        <translation>%1：错误：此处没有 kubectl watch 流（watch-jobs.jsonl、watch-pods.jsonl、watch-events.jsonl；参见 docs/live.md）</translation>
    </message>
    <message>
        <source>expected a watch event (a JSON object)</source>
        <translation>应为一个 watch 事件（JSON 对象）</translation>
    </message>
    <message>
        <source>&quot;ts&quot; must be an RFC 3339 time, not &apos;%1&apos;</source>
        <translation>&quot;ts&quot; 必须是 RFC 3339 时间，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1:%2: the watch reported an error: %3</source>
        <translation>%1:%2：watch 报告了一个错误：%3</translation>
    </message>
    <message>
        <source>unknown watch event type &apos;%1&apos; (expected ADDED, MODIFIED, DELETED, BOOKMARK or ERROR)</source>
        <translation>未知的 watch 事件类型 &apos;%1&apos;（应为 ADDED、MODIFIED、DELETED、BOOKMARK 或 ERROR）</translation>
    </message>
    <message>
        <source>the trimmed object of this watch event does not read back</source>
        <translation>此 watch 事件裁剪后的对象无法重新读取</translation>
    </message>
</context>
<context>
    <name>LabelSelector</name>
    <message>
        <source>the label selector &apos;%1&apos; is not valid: %2 at character %3</source>
        <translation>标签选择器“%1”无效：第 %3 个字符处%2</translation>
    </message>
    <message>
        <source>a label key is expected</source>
        <translation>应为标签键</translation>
    </message>
    <message>
        <source>&apos;=&apos;, &apos;==&apos;, &apos;!=&apos;, &apos;in&apos; or &apos;notin&apos; is expected</source>
        <translation>应为“=”“==”“!=”“in”或“notin”</translation>
    </message>
    <message>
        <source>&apos;(&apos; is expected</source>
        <translation>应为“(”</translation>
    </message>
    <message>
        <source>a label value is expected</source>
        <translation>应为标签值</translation>
    </message>
    <message>
        <source>&apos;,&apos; or &apos;)&apos; is expected</source>
        <translation>应为“,”或“)”</translation>
    </message>
    <message>
        <source>&apos;,&apos; is expected</source>
        <translation>应为“,”</translation>
    </message>
</context>
<context>
    <name>LessonCommand</name>
    <message>
        <source>Run &apos;jobscope lesson --help&apos; for usage.</source>
        <translation>运行 &apos;jobscope lesson --help&apos; 查看用法。</translation>
    </message>
    <message>
        <source>expected at most one lesson FILE, got %1: %2</source>
        <translation>最多只能有一个课程文件 FILE，却给了 %1 个：%2</translation>
    </message>
    <message>
        <source>--size: &apos;%1&apos; is not WIDTHxHEIGHT in pixels, each from %2 to %3 (such as 1920x1080)</source>
        <translation>--size：&apos;%1&apos; 不是以像素为单位的 宽x高，每个值应在 %2 到 %3 之间（例如 1920x1080）</translation>
    </message>
    <message>
        <source>--png-dir: the directory name is empty</source>
        <translation>--png-dir：目录名为空</translation>
    </message>
    <message>
        <source>cannot draw the slides: no graphical application was created</source>
        <translation>无法绘制幻灯片：没有创建图形应用程序</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n slide(s) of %1×%2 pixels in %3</source>
        <translation>
            <numerusform>%n 张 %1×%2 像素的幻灯片，位于 %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>显示此帮助并退出。</translation>
    </message>
    <message>
        <source>Write the slides as PNG files to DIR (created if needed; existing slides are replaced).</source>
        <translation>把幻灯片以 PNG 文件写入 DIR（需要时创建；已有的幻灯片会被替换）。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>Size of the slides in pixels (default %1x%2).</source>
        <translation>幻灯片的像素尺寸（默认 %1x%2）。</translation>
    </message>
    <message>
        <source>WxH</source>
        <translation>宽x高</translation>
    </message>
    <message>
        <source>Language of the slides and messages, such as zh_CN or en (default: the locale).</source>
        <translation>幻灯片和消息的语言，例如 zh_CN 或 en（默认：系统区域设置）。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The lesson (YAML); default: the built-in lesson.</source>
        <translation>课程文件（YAML）；默认：内置课程。</translation>
    </message>
    <message>
        <source>--pdf: the file name is empty</source>
        <translation>--pdf：文件名为空</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) in %1</source>
        <translation>
            <numerusform>%1 中共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>Renders a lesson as a deck of PNG slides, one per step of every scene, named
NN-MM-&lt;scene&gt;.png (scene NN, step MM), to drop into your own slides.
--pdf writes a handout instead (or as well). Without either, prints the
lesson&apos;s scenes, steps and captions.

FILE is a lesson (%1); without it, the built-in lesson on Job
parallelism. Captions and titles are in the language of --lang.</source>
        <translation>把课程渲染为一组 PNG 幻灯片，每个场景的每个步骤一张，文件名为
NN-MM-&lt;场景&gt;.png（场景 NN，步骤 MM），可直接放进你自己的幻灯片。
--pdf 则写出讲义（也可以同时写出）。两者都不加时，打印课程的场景、
步骤和说明文字。

FILE 是一个课程文件（%1）；省略时使用内置的 Job 并行度课程。
说明文字和标题使用 --lang 指定的语言。</translation>
    </message>
    <message>
        <source>Write the lesson as a PDF handout to F: its scenes on a first page, then every slide, one to an A4 page.</source>
        <translation>把课程写成 PDF 讲义 F：第一页列出各个场景，之后每页一张幻灯片（A4）。</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
</context>
<context>
    <name>LessonDeckLoader</name>
    <message>
        <source>%1: error: the lesson could not be read</source>
        <translation>%1: 错误：无法读取课程</translation>
    </message>
</context>
<context>
    <name>LessonPresenter</name>
    <message>
        <source>Cannot open the lesson</source>
        <translation>无法打开课程</translation>
    </message>
    <message>
        <source>the slide size %1×%2 is too small (at least 64×64)</source>
        <translation>幻灯片尺寸 %1×%2 太小（至少 64×64）</translation>
    </message>
    <message>
        <source>cannot create the directory %1</source>
        <translation>无法创建目录 %1</translation>
    </message>
    <message>
        <source>the PDF could not be started</source>
        <translation>无法开始写 PDF</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>%1. %2 (%n step(s))</source>
        <translation>
            <numerusform>%1. %2（%n 个步骤）</numerusform>
        </translation>
    </message>
    <message>
        <source>page %1 could not be started</source>
        <translation>无法开始第 %1 页</translation>
    </message>
    <message>
        <source>%1 · step %2 of %3</source>
        <translation>%1 · 第 %2 步，共 %3 步</translation>
    </message>
    <message>
        <source>the PDF could not be finished</source>
        <translation>无法完成 PDF</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>LessonSlideRenderer</name>
    <message>
        <source>Scene %1/%2 · Step %3/%4</source>
        <translation>场景 %1/%2 · 步骤 %3/%4</translation>
    </message>
    <message>
        <source>t = %1 s</source>
        <translation>t = %1 秒</translation>
    </message>
    <message>
        <source>%1 of %2 requested Pods active</source>
        <translation>请求的 %2 个 Pod 中 %1 个处于活跃状态</translation>
    </message>
    <message>
        <source>done at %1 s</source>
        <translation>第 %1 秒完成</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>未完成</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 Pod-seconds · %n Pods</source>
        <translation>
            <numerusform>%1 · %2 Pod·秒 · %n 个 Pod</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n Jobs</source>
        <translation>
            <numerusform> · %n 个 Job</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>so far: %1 Pod-seconds · %n Pods</source>
        <translation>
            <numerusform>到目前为止：%1 Pod·秒 · %n 个 Pod</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LiveJobText</name>
    <message>
        <source>Events of the Job and its Pods (seconds since the Job&apos;s creation, newest last)</source>
        <translation>Job 及其 Pod 的事件（自 Job 创建起的秒数，最新的在最后）</translation>
    </message>
    <message>
        <source>Job %1/%2 as the API server last reported it (resourceVersion %3); read-only</source>
        <translation>Job %1/%2，API 服务器最近一次报告的内容（resourceVersion %3）；只读</translation>
    </message>
    <message>
        <source>No Events of the Job or its Pods so far</source>
        <translation>到目前为止没有该 Job 或其 Pod 的事件</translation>
    </message>
</context>
<context>
    <name>LiveSession</name>
    <message>
        <source>a new Job named &apos;%1&apos; appeared; it is not followed</source>
        <translation>出现了一个新的名为 &apos;%1&apos; 的 Job；不会跟踪它</translation>
    </message>
    <message>
        <source>waiting for the Job &apos;%1&apos; to be created</source>
        <translation>正在等待创建 Job &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1 %2 is not valid: %3</source>
        <translation>%1 %2 无效：%3</translation>
    </message>
    <message>
        <source>namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>Job name</source>
        <translation>Job 名称</translation>
    </message>
</context>
<context>
    <name>NamespaceList</name>
    <message>
        <source>the answer is not a list of namespaces</source>
        <translation>返回的不是命名空间列表</translation>
    </message>
</context>
<context>
    <name>PngFile</name>
    <message>
        <source>cannot write %1: there is no image to write</source>
        <translation>无法写入 %1：没有可写入的图像</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>the image size %1×%2 is not positive</source>
        <translation>图像尺寸 %1×%2 不是正数</translation>
    </message>
    <message>
        <source>cannot draw an image of %1×%2 pixels</source>
        <translation>无法绘制 %1×%2 像素的图像</translation>
    </message>
    <message>
        <source>the PNG encoder failed</source>
        <translation>PNG 编码失败</translation>
    </message>
</context>
<context>
    <name>QCommandLineParser</name>
    <message>
        <source>Usage: %1</source>
        <translation>用法：%1</translation>
    </message>
    <message>
        <source>[options]</source>
        <translation>[选项]</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>选项：</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>参数：</translation>
    </message>
    <message>
        <source>Unknown option &apos;%1&apos;.</source>
        <translation>未知选项 &apos;%1&apos;。</translation>
    </message>
    <message>
        <source>Unknown options: %1.</source>
        <translation>未知选项：%1。</translation>
    </message>
    <message>
        <source>Missing value after &apos;%1&apos;.</source>
        <translation>&apos;%1&apos; 后缺少值。</translation>
    </message>
    <message>
        <source>Unexpected value after &apos;%1&apos;.</source>
        <translation>&apos;%1&apos; 后有多余的值。</translation>
    </message>
</context>
<context>
    <name>ReconcileCommand</name>
    <message>
        <source>Show this help and exit.</source>
        <translation>显示此帮助并退出。</translation>
    </message>
    <message>
        <source>Language of messages and help, such as zh_CN or en (default: the locale).</source>
        <translation>消息和帮助的语言，例如 zh_CN 或 en（默认：系统区域设置）。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The state file (YAML or JSON); &apos;-&apos; reads standard input.</source>
        <translation>状态文件（YAML 或 JSON）；&apos;-&apos; 表示从标准输入读取。</translation>
    </message>
    <message>
        <source>Run &apos;jobscope reconcile --help&apos; for usage.</source>
        <translation>运行 &apos;jobscope reconcile --help&apos; 查看用法。</translation>
    </message>
    <message>
        <source>missing the state FILE argument</source>
        <translation>缺少状态文件参数 FILE</translation>
    </message>
    <message>
        <source>expected one state FILE, got %1: %2</source>
        <translation>需要一个状态文件 FILE，实际给出了 %1 个：%2</translation>
    </message>
    <message>
        <source>cannot write the result to standard output</source>
        <translation>无法将结果写入标准输出</translation>
    </message>
    <message>
        <source>cannot open the state file: %1</source>
        <translation>无法打开状态文件：%1</translation>
    </message>
    <message>
        <source>cannot read the state file: %1</source>
        <translation>无法读取状态文件：%1</translation>
    </message>
    <message>
        <source>Runs one sync of the Job controller on the state in FILE and prints, as
JSON, what the controller does right now and why: the Pods it creates and
deletes, the Job status it writes, and the causes that keep the active Pods
from the requested parallelism.

The state file is YAML or JSON with the keys job (a batch/v1 Job; its status
is the status before the sync), now (the sync&apos;s clock), pods (v1 Pods or the
shorthand {name, phase, ready, index, ...}), expectations, backoff and
apiErrors. Examples are in %1.</source>
        <translation>对 FILE 中的状态运行一次 Job 控制器同步，并以 JSON 输出控制器此刻做什么
以及原因：它创建和删除的 Pod、它写入的 Job 状态，以及使活跃 Pod 数
达不到所请求并行度的原因。

状态文件是 YAML 或 JSON，包含以下键：job（一个 batch/v1 Job，其 status
是同步之前的状态）、now（同步的时刻）、pods（v1 Pod 对象或简写
{name, phase, ready, index, ...}）、expectations、backoff 和 apiErrors。
示例见 %1。</translation>
    </message>
</context>
<context>
    <name>Record</name>
    <message>
        <source>Show this help and exit.</source>
        <translation>显示此帮助并退出。</translation>
    </message>
    <message>
        <source>The kubeconfig file (default: KUBECONFIG, else ~/.kube/config).</source>
        <translation>kubeconfig 文件（默认：KUBECONFIG，否则 ~/.kube/config）。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>The kubeconfig context (default: its current one).</source>
        <translation>kubeconfig 上下文（默认：当前上下文）。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>The Job&apos;s namespace (default: the context&apos;s, else &apos;default&apos;).</source>
        <translation>Job 所在的命名空间（默认：上下文的命名空间，否则为 &apos;default&apos;）。</translation>
    </message>
    <message>
        <source>namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>The name of the Job to record.</source>
        <translation>要录制的 Job 的名称。</translation>
    </message>
    <message>
        <source>The trace file to write (JSON Lines).</source>
        <translation>要写入的轨迹文件（JSON Lines）。</translation>
    </message>
    <message>
        <source>Language of messages, such as zh_CN or en.</source>
        <translation>消息的语言，例如 zh_CN 或 en。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Run &apos;jobscope record --help&apos; for usage.</source>
        <translation>运行 &apos;jobscope record --help&apos; 查看用法。</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>多余的参数 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>cannot set up the Ctrl-C handler</source>
        <translation>无法设置 Ctrl-C 处理程序</translation>
    </message>
    <message>
        <source>connecting to %1 (namespace %2) ...
</source>
        <translation>正在连接 %1（命名空间 %2）……
</translation>
    </message>
    <message>
        <source>connected; recording Job &apos;%1&apos; to %2
</source>
        <translation>已连接；正在把 Job &apos;%1&apos; 录制到 %2
</translation>
    </message>
    <message>
        <source>connected; %1
</source>
        <translation>已连接；%1
</translation>
    </message>
    <message>
        <source>reconnecting: %1
</source>
        <translation>正在重新连接：%1
</translation>
    </message>
    <message numerus="yes">
        <source>the Job has finished; %n observation(s) written to %1
</source>
        <translation>
            <numerusform>Job 已结束；已向 %1 写入 %n 条观测
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>interrupted; %n observation(s) written to %1
</source>
        <translation>
            <numerusform>已中断；已向 %1 写入 %n 条观测
</numerusform>
        </translation>
    </message>
    <message>
        <source>Give up (exit status 1) when the cluster has not answered for this long, at the start or after losing it, such as 30s or 2m; 0 keeps trying. Default: give up after %1 failed attempts in a row.</source>
        <translation>集群在这么长时间内没有应答（开始时，或连接断开之后）就放弃（退出状态 1），例如 30s 或 2m；0 表示一直重试。默认：连续失败 %1 次后放弃。</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>How long one request may take before it fails and is tried again, such as 30s or 1m; 0: no limit (default: %1s). Watches stream without a limit.</source>
        <translation>单个请求在判为失败并重试之前最多可用的时间，例如 30s 或 1m；0：不限制（默认：%1s）。watch 流不受此限制。</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not a duration (such as 30s, 1m, or 0)</source>
        <translation>--%1：&apos;%2&apos; 不是时长（例如 30s、1m 或 0）</translation>
    </message>
    <message>
        <source>no answer from %1 within %2 (--timeout)</source>
        <translation>%1 在 %2 内没有应答（--timeout）</translation>
    </message>
    <message>
        <source>no answer from %1 within %2 (--timeout); the last attempt: %3</source>
        <translation>%1 在 %2 内没有应答（--timeout）；最后一次尝试：%3</translation>
    </message>
    <message>
        <source>cannot reach the cluster: %1
</source>
        <translation>无法连接集群：%1
</translation>
    </message>
    <message>
        <source>use --kubeconfig FILE</source>
        <translation>请使用 --kubeconfig FILE</translation>
    </message>
    <message numerus="yes">
        <source>%1 is unchanged; the %n observation(s) recorded are in %2
</source>
        <translation>
            <numerusform>%1 保持不变；已录制的 %n 条观察在 %2 中
</numerusform>
        </translation>
    </message>
    <message>
        <source>Watch a Job on a cluster (the Job, its Pods and their Events) and record what happens to a trace file, until the Job has finished and none of its Pods runs, or until Ctrl-C. With --all-jobs or -l, every Job of the namespace (or those the selector matches) until Ctrl-C or --for. Only reads from the cluster.</source>
        <translation>监视集群上的一个 Job（Job 本身、它的 Pod 及其事件），把发生的一切录制到轨迹文件，直到 Job 结束且没有 Pod 仍在运行，或按下 Ctrl-C。使用 --all-jobs 或 -l 时，录制命名空间中的所有 Job（或与选择器匹配的 Job），直到按下 Ctrl-C 或达到 --for。只读取集群，不做任何修改。</translation>
    </message>
    <message>
        <source>Record every Job of the namespace instead of one, and the Jobs created while recording (a CronJob&apos;s), until Ctrl-C or --for.</source>
        <translation>录制命名空间中的所有 Job，而不只是一个，包括录制期间新建的 Job（例如 CronJob 创建的），直到按下 Ctrl-C 或达到 --for。</translation>
    </message>
    <message>
        <source>Record the Jobs of the namespace whose labels match SELECTOR (as kubectl&apos;s -l), as --all-jobs does.</source>
        <translation>像 --all-jobs 那样，录制命名空间中标签与 SELECTOR 匹配的 Job（与 kubectl 的 -l 相同）。</translation>
    </message>
    <message>
        <source>SELECTOR</source>
        <translation>SELECTOR</translation>
    </message>
    <message>
        <source>With --all-jobs or -l: stop recording after this long, such as 10m.</source>
        <translation>与 --all-jobs 或 -l 一起使用：录制这么长时间后停止，例如 10m。</translation>
    </message>
    <message>
        <source>record needs --job NAME (or --all-jobs, or -l SELECTOR) and -o TRACE</source>
        <translation>record 需要 --job NAME（或 --all-jobs，或 -l SELECTOR）以及 -o TRACE</translation>
    </message>
    <message>
        <source>--for goes with --all-jobs or -l: one Job is recorded until it finishes</source>
        <translation>--for 需与 --all-jobs 或 -l 一起使用：单个 Job 会一直录制到它结束</translation>
    </message>
    <message>
        <source>connected; recording every Job of namespace %1 to %2
</source>
        <translation>已连接；正在把命名空间 %1 中的所有 Job 录制到 %2
</translation>
    </message>
    <message>
        <source>connected; recording the Jobs of namespace %1 that match &apos;%2&apos; to %3
</source>
        <translation>已连接；正在把命名空间 %1 中与“%2”匹配的 Job 录制到 %3
</translation>
    </message>
    <message numerus="yes">
        <source>recorded for %1; %n observation(s) written to %2
</source>
        <translation>
            <numerusform>已录制 %1；已向 %2 写入 %n 条观测
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordingInput</name>
    <message>
        <source>missing the PATH argument (a trace, a kubectl watch folder or a kubectl dump)</source>
        <translation>缺少参数 PATH（跟踪文件、kubectl watch 文件夹或 kubectl 转储）</translation>
    </message>
    <message>
        <source>expected one PATH, got %1: %2</source>
        <translation>需要一个 PATH，实际给出了 %1 个：%2</translation>
    </message>
</context>
<context>
    <name>RecordingLoader</name>
    <message>
        <source>%1: error: the recording holds no Job</source>
        <translation>%1：错误：录制中没有 Job</translation>
    </message>
    <message>
        <source>%1: error: the recording holds no Job &apos;%2&apos;</source>
        <translation>%1：错误：录制中没有 Job &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1: error: no such file or folder</source>
        <translation>%1：错误：文件或文件夹不存在</translation>
    </message>
    <message>
        <source>%1: the receive times are %2 s ahead of the API server&apos;s timestamps (estimated from %3 watch events: the two clocks differ); the timeline moves them onto the server&apos;s clock</source>
        <translation>%1：接收时间比 API 服务器的时间戳快 %2 秒（由 %3 个 watch 事件估计：两个时钟不一致）；时间线已把它们换算到服务器的时钟</translation>
    </message>
    <message>
        <source>%1: the receive times are %2 s behind the API server&apos;s timestamps (estimated from %3 watch events: the two clocks differ); the timeline moves them onto the server&apos;s clock</source>
        <translation>%1：接收时间比 API 服务器的时间戳慢 %2 秒（由 %3 个 watch 事件估计：两个时钟不一致）；时间线已把它们换算到服务器的时钟</translation>
    </message>
    <message>
        <source> (the Jobs it holds: %1)</source>
        <translation>（其中的 Job：%1）</translation>
    </message>
    <message>
        <source>%1: error: no Job of the recording matches the label selector &apos;%2&apos; (it holds %3)</source>
        <translation>%1：错误：录制中没有与标签选择器“%2”匹配的 Job（它包含 %3）</translation>
    </message>
</context>
<context>
    <name>ReplayCommand</name>
    <message>
        <source>Show this help and exit.</source>
        <translation>显示此帮助并退出。</translation>
    </message>
    <message>
        <source>The trace, kubectl watch folder or kubectl dump to play back.</source>
        <translation>要回放的跟踪文件、kubectl watch 文件夹或 kubectl 转储。</translation>
    </message>
    <message>
        <source>Job %1</source>
        <translation>Job %1</translation>
    </message>
    <message>
        <source>Job %1 (namespace %2)</source>
        <translation>Job %1（命名空间 %2）</translation>
    </message>
    <message>
        <source>Plays back a recorded Job and writes what happened, as &apos;jobscope simulate&apos;
does for a simulated one: the requested and actual parallelism over time
with the causes of every difference (CSV and a PNG plot), the Pods&apos;
lifecycles and the Events.

PATH is a JobScope trace (written by &apos;jobscope record&apos;), a folder of
&apos;kubectl get … --watch -o json --output-watch-events&apos; streams, or a
post-mortem dump (&apos;kubectl get job,pods,events -o json&apos; or -o yaml); see
%1. Times in the outputs are seconds since the Job was created.
Without any output option the series CSV goes to standard output; &apos;-&apos; as a
CSV file name also means standard output.</source>
        <translation>回放一个已录制的 Job 并写出发生的情况，与 &apos;jobscope simulate&apos; 对模拟 Job
所做的相同：随时间变化的请求并行度与实际并行度及每处差异的原因（CSV 和
PNG 图）、Pod 的生命周期以及事件。

PATH 是 JobScope 跟踪文件（由 &apos;jobscope record&apos; 写出）、一个包含
&apos;kubectl get … --watch -o json --output-watch-events&apos; 流的文件夹，或事后转储
（&apos;kubectl get job,pods,events -o json&apos; 或 -o yaml）；参见 %1。
输出中的时间是自 Job 创建以来的秒数。未给出任何输出选项时，序列 CSV 写到
标准输出；CSV 文件名 &apos;-&apos; 也表示标准输出。</translation>
    </message>
    <message>
        <source>Play back every Job the recording holds, together (their Pods, active Pods summed, finished with the last one), instead of the first.</source>
        <translation>一起回放录制中的所有 Job（它们的 Pod、活跃 Pod 之和、最后一个 Job 结束时结束），而不只是第一个。</translation>
    </message>
    <message>
        <source>Play back the Jobs whose labels match SELECTOR, together (as kubectl&apos;s -l: key=value, key!=value, key in (a,b), key notin (a,b), key, !key; separated by commas).</source>
        <translation>一起回放标签与 SELECTOR 匹配的 Job（与 kubectl 的 -l 相同：key=value、key!=value、key in (a,b)、key notin (a,b)、key、!key；以逗号分隔）。</translation>
    </message>
    <message>
        <source>SELECTOR</source>
        <translation>SELECTOR</translation>
    </message>
    <message numerus="yes">
        <source>%n Jobs</source>
        <translation>
            <numerusform>%n 个 Job</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Jobs (namespace %1)</source>
        <translation>
            <numerusform>%n 个 Job（命名空间 %1）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportOutputs</name>
    <message>
        <source>Write the parallelism series (one row per change) as CSV to F.</source>
        <translation>将并行度序列（每次变化一行）以 CSV 写入 F。</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>Write the cause intervals as CSV to F.</source>
        <translation>将原因区间以 CSV 写入 F。</translation>
    </message>
    <message>
        <source>Write the Pods&apos; lifecycles as CSV to F.</source>
        <translation>将 Pod 的生命周期以 CSV 写入 F。</translation>
    </message>
    <message>
        <source>Write the Events as CSV to F.</source>
        <translation>将事件以 CSV 写入 F。</translation>
    </message>
    <message>
        <source>Draw the timeline plot as a PNG image to F.</source>
        <translation>将时间线图绘制为 PNG 图像写入 F。</translation>
    </message>
    <message>
        <source>Width of the PNG in pixels (default %1).</source>
        <translation>PNG 的宽度，单位为像素（默认 %1）。</translation>
    </message>
    <message>
        <source>W</source>
        <translation>W</translation>
    </message>
    <message>
        <source>Height of the PNG in pixels (default %1).</source>
        <translation>PNG 的高度，单位为像素（默认 %1）。</translation>
    </message>
    <message>
        <source>H</source>
        <translation>H</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not a number of pixels from %3 to %4</source>
        <translation>--%1：&apos;%2&apos; 不是 %3 到 %4 之间的像素数</translation>
    </message>
    <message>
        <source>cannot write the series to standard output</source>
        <translation>无法将序列写入标准输出</translation>
    </message>
    <message>
        <source>cannot write to standard output</source>
        <translation>无法写入标准输出</translation>
    </message>
    <message>
        <source>an output file name is empty</source>
        <translation>某个输出文件名为空</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Language of messages, help and the plot, such as zh_CN or en (default: the locale).</source>
        <translation>消息、帮助和图表的语言，例如 zh_CN 或 en（默认：系统区域设置）。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Write the Job&apos;s status as CSV to F, one row per status write.</source>
        <translation>把 Job 的状态以 CSV 写到 F，每次状态写入一行。</translation>
    </message>
    <message>
        <source>Draw the Pod Gantt as a PNG image to F: every Pod on its own row, the image as tall as they need (at least --height).</source>
        <translation>把 Pod 甘特图画成 PNG 图像写入 F：每个 Pod 占一行，图像高度按需增加（至少为 --height）。</translation>
    </message>
    <message>
        <source>--%1: the file name is empty</source>
        <translation>--%1：文件名为空</translation>
    </message>
    <message>
        <source>Write the run&apos;s summary as JSON to F: when and how the Job finished, Pod-seconds, peak and mean active Pods, Pods created and failed.</source>
        <translation>把运行摘要以 JSON 写入 F：Job 何时以及如何结束、Pod·秒数、活跃 Pod 的峰值和平均值、创建和失败的 Pod 数。</translation>
    </message>
    <message>
        <source>Write a PDF report to F: the summary and the timeline plot on the first page, then the Pod Gantt with every Pod over as many pages as it needs; vector drawings with selectable text, A4 landscape.</source>
        <translation>将 PDF 报告写入 F：第一页为摘要和时间线图，随后是包含所有 Pod 的 Pod 甘特图（按需分页）；矢量绘制，文字可选，A4 横向。</translation>
    </message>
    <message>
        <source>cannot draw the PNG or PDF: no graphical application was created</source>
        <translation>无法绘制 PNG 或 PDF：未创建图形应用程序</translation>
    </message>
</context>
<context>
    <name>RunReport</name>
    <message>
        <source>the PDF could not be started</source>
        <translation>无法开始写入 PDF</translation>
    </message>
    <message>
        <source>page %1 could not be started</source>
        <translation>无法开始第 %1 页</translation>
    </message>
    <message>
        <source>%1 — Pod Gantt, rows %2–%3 of %4</source>
        <translation>%1 — Pod 甘特图，第 %2–%3 行（共 %4 行）</translation>
    </message>
    <message>
        <source>the PDF could not be finished</source>
        <translation>无法完成 PDF</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Final condition</source>
        <translation>最终状态</translation>
    </message>
    <message>
        <source>none: not finished by %1 s</source>
        <translation>无：到 %1 秒仍未结束</translation>
    </message>
    <message>
        <source>Completion time</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>%1 s after the Job was created</source>
        <translation>Job 创建后 %1 秒</translation>
    </message>
    <message>
        <source>not finished</source>
        <translation>未结束</translation>
    </message>
    <message>
        <source>Pod-seconds</source>
        <translation>Pod·秒</translation>
    </message>
    <message>
        <source>%1 (containers running: %2)</source>
        <translation>%1（容器运行：%2）</translation>
    </message>
    <message>
        <source>Peak parallelism</source>
        <translation>峰值并行度</translation>
    </message>
    <message numerus="yes">
        <source>%n active Pod(s) (requested at the end: %1)</source>
        <translation>
            <numerusform>%n 个活跃 Pod（结束时请求：%1）</numerusform>
        </translation>
    </message>
    <message>
        <source>Mean parallelism</source>
        <translation>平均并行度</translation>
    </message>
    <message>
        <source>%1 active Pods</source>
        <translation>%1 个活跃 Pod</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>失败</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n Pod(s) failed</source>
        <translation>
            <numerusform>%n 个 Pod 中有 %1 个失败</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>there is no run to report</source>
        <translation>没有可报告的运行</translation>
    </message>
</context>
<context>
    <name>ScenarioInput</name>
    <message>
        <source>cannot open the scenario: %1</source>
        <translation>无法打开场景：%1</translation>
    </message>
    <message>
        <source>cannot read the scenario: %1</source>
        <translation>无法读取场景：%1</translation>
    </message>
    <message>
        <source>Run &apos;%1 --help&apos; for usage.</source>
        <translation>运行 &apos;%1 --help&apos; 查看用法。</translation>
    </message>
    <message>
        <source>missing the scenario FILE argument</source>
        <translation>缺少场景文件参数 FILE</translation>
    </message>
    <message>
        <source>expected one scenario FILE, got %1: %2</source>
        <translation>需要一个场景文件 FILE，实际给出了 %1 个：%2</translation>
    </message>
</context>
<context>
    <name>SimulateCommand</name>
    <message>
        <source>Show this help and exit.</source>
        <translation>显示此帮助并退出。</translation>
    </message>
    <message>
        <source>Random seed (overrides the scenario&apos;s seed).</source>
        <translation>随机种子（覆盖场景中的种子）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Stop the simulation at this time after the Job&apos;s creation, such as 90, 90s, 5m (overrides the scenario&apos;s stopAt).</source>
        <translation>在 Job 创建后的这一时刻停止模拟，例如 90、90s、5m（覆盖场景中的 stopAt）。</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>--seed: &apos;%1&apos; is not a non-negative integer</source>
        <translation>--seed：&apos;%1&apos; 不是非负整数</translation>
    </message>
    <message>
        <source>--until: &apos;%1&apos; is not a positive duration (such as 90, 90s, 5m)</source>
        <translation>--until：&apos;%1&apos; 不是正的时长（例如 90、90s、5m）</translation>
    </message>
    <message>
        <source>the simulation stopped after %1 steps at %2 s; the outputs end there</source>
        <translation>模拟在 %1 步后于 %2 秒处停止；输出到此为止</translation>
    </message>
    <message>
        <source>Simulates a Job in the world a scenario describes and writes what happened:
the requested and actual parallelism over time with the causes of every
difference (CSV and a PNG plot), the Pods&apos; lifecycles and the Events.

FILE is a scenario (%1) or a bare Job manifest, which runs
with the default scenario: one roomy node, a 1 s controller sync, Pods that
run 10 s and never fail. FILE &apos;-&apos; reads it from standard input; example:NAME
runs a built-in example (&apos;jobscope examples&apos; lists the names, such as
example:causes/quota-exceeded). Times in the outputs are seconds since the
Job was created. Without any output option the series CSV goes to standard
output; &apos;-&apos; as a CSV file name also means standard output.
Examples are in %2.</source>
        <translation>在场景所描述的环境中模拟一个 Job，并写出发生的情况：随时间变化的
请求并行度与实际并行度及每处差异的原因（CSV 和 PNG 图）、Pod 的
生命周期以及事件。

FILE 是一个场景（%1）或单独的 Job 清单；清单使用默认场景
运行：一个资源充足的节点、1 秒的控制器同步、运行 10 秒且从不失败的 Pod。
FILE 为 &apos;-&apos; 时从标准输入读取；example:NAME 运行一个内置示例（&apos;jobscope examples&apos;
列出所有名称，例如 example:causes/quota-exceeded）。输出中的时间是自 Job
创建以来的秒数。未给出任何输出选项时，序列 CSV 写到标准输出；CSV 文件名
为 &apos;-&apos; 时也表示标准输出。
示例见 %2。</translation>
    </message>
    <message>
        <source>The scenario or Job manifest (YAML): a file, &apos;-&apos; or example:NAME.</source>
        <translation>场景或 Job 清单（YAML）：一个文件、&apos;-&apos; 或 example:NAME。</translation>
    </message>
    <message>
        <source>Refuse a Job that needs more Pods than N, and stop a simulation that creates more (default %1).</source>
        <translation>拒绝需要多于 N 个 Pod 的 Job，并停止创建了更多 Pod 的模拟（默认 %1）。</translation>
    </message>
    <message>
        <source>--max-pods: &apos;%1&apos; is not a positive integer</source>
        <translation>--max-pods：&apos;%1&apos; 不是正整数</translation>
    </message>
    <message>
        <source>Change one value before the file is read, as if the file said so (repeatable): spec.* and metadata.* set the Job&apos;s fields (spec.parallelism=8, spec.completionMode=Indexed), any other path the scenario&apos;s (runTime=30, cluster.quota.pods=4, seed=7). The result is checked like the file.</source>
        <translation>在读取文件之前修改一个值，如同文件本身这样写（可重复）：spec.* 和 metadata.* 设置 Job 的字段（spec.parallelism=8、spec.completionMode=Indexed），其他路径设置场景的字段（runTime=30、cluster.quota.pods=4、seed=7）。结果按文件的规则检查。</translation>
    </message>
    <message>
        <source>PATH=VALUE</source>
        <translation>路径=值</translation>
    </message>
    <message>
        <source>--set: &apos;%1&apos; is not PATH=VALUE (such as spec.parallelism=8)</source>
        <translation>--set：“%1”不是 路径=值 的形式（例如 spec.parallelism=8）</translation>
    </message>
    <message>
        <source>--set: &apos;%1&apos; has an empty step in its path</source>
        <translation>--set：“%1”的路径中有空的一级</translation>
    </message>
    <message>
        <source>--set: &apos;%1&apos; has no value after &apos;=&apos;</source>
        <translation>--set：“%1”的“=”后面没有值</translation>
    </message>
    <message>
        <source>--set %1: a mapping or a list cannot be set; set its values one by one</source>
        <translation>--set %1：不能设置整个映射或列表；请逐个设置其中的值</translation>
    </message>
    <message>
        <source>--set %1: the value is not YAML (%2)</source>
        <translation>--set %1：该值不是 YAML（%2）</translation>
    </message>
    <message>
        <source>--set %1: the Job is in %2 (job.path): set it there</source>
        <translation>--set %1：Job 在 %2 中（job.path）：请在那里设置</translation>
    </message>
    <message>
        <source>--set %1: the text holds no Job</source>
        <translation>--set %1：文本中没有 Job</translation>
    </message>
    <message>
        <source>--set %1: a bare Job manifest has only the Job&apos;s fields (spec.*, metadata.*); the other paths belong to a scenario</source>
        <translation>--set %1：单独的 Job 清单只有 Job 的字段（spec.*、metadata.*）；其他路径属于场景文件</translation>
    </message>
    <message>
        <source>--set %1: %2</source>
        <translation>--set %1：%2</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Write one row per Job of the scenario (name, created, finished, outcome, Pods, Pod-seconds; times in seconds since the scenario&apos;s start) to FILE. The other outputs describe all the Jobs together.</source>
        <translation>把场景中每个 Job 写成一行（名称、创建时间、结束时间、结果、Pod 数、Pod·秒；时间为从场景开始算起的秒数）写入该文件。其他输出描述所有 Job 的合计。</translation>
    </message>
    <message>
        <source>--set %1: the scenario lists several Jobs under jobs:; set one of them by its place in the list, such as %2</source>
        <translation>--set %1：场景在 jobs: 下列出了多个 Job；请按它在列表中的位置设置其中一个，例如 %2</translation>
    </message>
</context>
<context>
    <name>SweepCommand</name>
    <message>
        <source>Runs the scenario over a grid of values and writes one CSV row per point: the
completion time, Pod-seconds, peak and mean active Pods, failed Pods and the
final condition, as the median (p50) and 90th percentile (p90) over the seeds.
Every point is the file with its values set as --set sets them, checked like
the file. The points run on every core.</source>
        <translation>在一组取值上运行场景，每个取值点输出一行 CSV：完成时间、Pod·秒、
峰值和平均活跃 Pod、失败的 Pod 以及最终状态，给出各种子上的中位数（p50）
和第 90 百分位数（p90）。每个取值点就是按 --set 的方式设置了这些值的文件，
并按文件的规则检查。各取值点在所有 CPU 核上运行。</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>显示此帮助并退出。</translation>
    </message>
    <message>
        <source>A parameter and its values (repeatable; the grid is every combination): PATH=A..B (whole numbers), PATH=A..B:STEP or PATH=V1,V2,… (such as spec.parallelism=1..20, runTime=5..30:5, spec.podReplacementPolicy=Failed,TerminatingOrFailed).</source>
        <translation>一个参数及其取值（可重复；网格为所有组合）：PATH=A..B（整数）、PATH=A..B:STEP 或 PATH=V1,V2,…（例如 spec.parallelism=1..20、runTime=5..30:5、spec.podReplacementPolicy=Failed,TerminatingOrFailed）。</translation>
    </message>
    <message>
        <source>PATH=VALUES</source>
        <translation>路径=取值</translation>
    </message>
    <message>
        <source>Run each point with the seeds 1..N (default: once, with the scenario&apos;s seed).</source>
        <translation>每个取值点用种子 1..N 各运行一次（默认：用场景的种子运行一次）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Change one value of the file for every point, as simulate --set.</source>
        <translation>对每个取值点修改文件中的一个值，同 simulate --set。</translation>
    </message>
    <message>
        <source>PATH=VALUE</source>
        <translation>路径=值</translation>
    </message>
    <message>
        <source>Write the CSV to F (default: standard output).</source>
        <translation>将 CSV 写入 F（默认：标准输出）。</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>Run N simulations at once (default: one per core).</source>
        <translation>同时运行 N 个模拟（默认：每个 CPU 核一个）。</translation>
    </message>
    <message>
        <source>The scenario or Job manifest (YAML): a file, &apos;-&apos; or example:NAME.</source>
        <translation>场景或 Job 清单（YAML）：一个文件、&apos;-&apos; 或 example:NAME。</translation>
    </message>
    <message>
        <source>--vary: the grid has more than %1 points</source>
        <translation>--vary：网格超过 %1 个取值点</translation>
    </message>
    <message>
        <source>nothing to vary: give at least one --vary PATH=VALUES</source>
        <translation>没有要变化的参数：请至少给出一个 --vary 路径=取值</translation>
    </message>
    <message>
        <source>--set: &apos;%1&apos; is not PATH=VALUE (such as spec.parallelism=8)</source>
        <translation>--set：“%1”不是 路径=值 的形式（例如 spec.parallelism=8）</translation>
    </message>
    <message>
        <source>%1: the point %2 cannot run: %3</source>
        <translation>%1：取值点 %2 无法运行：%3</translation>
    </message>
    <message numerus="yes">
        <source>%n simulation(s) in %1 s</source>
        <translation>
            <numerusform>%n 次模拟，用时 %1 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not a whole number from 1 to %3</source>
        <translation>--%1：“%2”不是 1 到 %3 之间的整数</translation>
    </message>
    <message>
        <source>--vary: &apos;%1&apos; is not PATH=VALUES (such as spec.parallelism=1..20 or spec.completionMode=NonIndexed,Indexed)</source>
        <translation>--vary：“%1”不是 路径=取值 的形式（例如 spec.parallelism=1..20 或 spec.completionMode=NonIndexed,Indexed）</translation>
    </message>
    <message>
        <source>--vary: &apos;%1&apos; is not a range A..B or A..B:STEP with A ≤ B and STEP &gt; 0</source>
        <translation>--vary：“%1”不是 A ≤ B 且 STEP &gt; 0 的范围 A..B 或 A..B:STEP</translation>
    </message>
    <message>
        <source>--vary: &apos;%1&apos; has more than %2 values</source>
        <translation>--vary：“%1”的取值超过 %2 个</translation>
    </message>
    <message>
        <source>Also draw the completion time and the Pod-seconds against the first varied parameter, one line per value of the others (the medians), as a PNG of 1280x800 to F.</source>
        <translation>另外把完成时间和 Pod·秒相对于第一个变化参数画成 1280x800 的 PNG 写入 F，其他参数的每组取值一条线（取中位数）。</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>SweepPlot</name>
    <message>
        <source>completion time (s)</source>
        <translation>完成时间（秒）</translation>
    </message>
    <message>
        <source>Pod-seconds</source>
        <translation>Pod·秒</translation>
    </message>
    <message>
        <source>Sweep of %1</source>
        <translation>%1 的参数扫描</translation>
    </message>
</context>
<context>
    <name>TimelineBuilder</name>
    <message>
        <source>Job %1 (resourceVersion %2) could not be read: %3</source>
        <translation>无法读取 Job %1（resourceVersion %2）：%3</translation>
    </message>
</context>
<context>
    <name>TraceReader</name>
    <message>
        <source>%1: cannot read the trace: %2</source>
        <translation>%1：无法读取跟踪文件：%2</translation>
    </message>
    <message>
        <source>%1: the last line is incomplete (the recorder stopped while writing it); the trace is read up to the line before</source>
        <translation>%1：最后一行不完整（录制器在写入时停止）；跟踪文件读取到前一行为止</translation>
    </message>
    <message>
        <source>a line must be one JSON object</source>
        <translation>每一行必须是一个 JSON 对象</translation>
    </message>
    <message>
        <source>%1: error: %2</source>
        <translation>%1：错误：%2</translation>
    </message>
    <message>
        <source>%1: error: not a JobScope trace: the first line must be the header {&quot;jobscope-trace&quot;: %2, …}</source>
        <translation>%1：错误：不是 JobScope 跟踪文件：第一行必须是文件头 {&quot;jobscope-trace&quot;: %2, …}</translation>
    </message>
    <message>
        <source>%1: error: trace format version %2 is not supported (this JobScope reads version %3)</source>
        <translation>%1：错误：不支持跟踪格式版本 %2（此 JobScope 读取版本 %3）</translation>
    </message>
    <message>
        <source>%1: error: &quot;t&quot; must be the receive time in seconds since the Unix epoch</source>
        <translation>%1：错误：&quot;t&quot; 必须是接收时间，单位为自 Unix 纪元起的秒数</translation>
    </message>
    <message>
        <source>%1: error: &quot;kind&quot; must be Job, Pod or Event, not &apos;%2&apos;</source>
        <translation>%1：错误：&quot;kind&quot; 必须是 Job、Pod 或 Event，而不是 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1: error: &quot;type&quot; must be LISTED, ADDED, MODIFIED or DELETED, not &apos;%2&apos;</source>
        <translation>%1：错误：&quot;type&quot; 必须是 LISTED、ADDED、MODIFIED 或 DELETED，而不是 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1: error: &quot;object&quot; must be the API object</source>
        <translation>%1：错误：&quot;object&quot; 必须是 API 对象</translation>
    </message>
    <message>
        <source>%1: error: the trace is empty (no header line)</source>
        <translation>%1：错误：跟踪文件为空（没有文件头行）</translation>
    </message>
    <message>
        <source>%1: error: &quot;t&quot; goes back in time: %2 is %3 s before line %4&apos;s (a trace holds its lines in the order they were received)</source>
        <translation>%1：错误：&quot;t&quot; 时间倒退：%2 比第 %4 行的早 %3 秒（跟踪文件按接收顺序保存各行）</translation>
    </message>
</context>
<context>
    <name>TraceWriter</name>
    <message>
        <source>cannot create the trace %1: %2</source>
        <translation>无法创建跟踪文件 %1：%2</translation>
    </message>
    <message>
        <source>the trace is not open</source>
        <translation>跟踪文件未打开</translation>
    </message>
    <message>
        <source>cannot write the trace %1: %2</source>
        <translation>无法写入跟踪文件 %1：%2</translation>
    </message>
</context>
<context>
    <name>Watcher</name>
    <message>
        <source>no data from the server for %1 s</source>
        <translation>服务器已有 %1 秒没有发送数据</translation>
    </message>
    <message>
        <source>%1: the list answer is not JSON: %2</source>
        <translation>%1：列表响应不是 JSON：%2</translation>
    </message>
    <message>
        <source>%1: skipped a watch line that is not JSON (%2): %3</source>
        <translation>%1：跳过了一行不是 JSON 的 watch 数据（%2）：%3</translation>
    </message>
    <message>
        <source>%1: the watch reported an error (%2): %3</source>
        <translation>%1：watch 报告了错误（%2）：%3</translation>
    </message>
    <message>
        <source>%1: skipped a watch event of unknown type &apos;%2&apos;</source>
        <translation>%1：跳过了未知类型 &apos;%2&apos; 的 watch 事件</translation>
    </message>
    <message>
        <source>%1: the server closed the watch without sending anything</source>
        <translation>%1：服务器未发送任何内容就关闭了 watch</translation>
    </message>
    <message>
        <source>%1: the resourceVersion expired (410 Gone); listing again</source>
        <translation>%1：resourceVersion 已过期（410 Gone）；正在重新列出</translation>
    </message>
    <message numerus="yes">
        <source>%1 (gave up after %n attempt(s))</source>
        <translation>
            <numerusform>%1（尝试 %n 次后放弃）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (attempt %2 of %3, next in %4 s)</source>
        <translation>%1（第 %2 次尝试，共 %3 次；%4 秒后再试）</translation>
    </message>
    <message>
        <source>%1 (attempt %2, next in %3 s)</source>
        <translation>%1（第 %2 次尝试；%3 秒后再试）</translation>
    </message>
    <message>
        <source>%1: more than %2 objects, the most JobScope keeps for one list or watch (see docs/limits.md)</source>
        <translation>%1：对象多于 %2 个，这是 JobScope 为一次 list 或 watch 保留的上限（见 docs/limits.md）</translation>
    </message>
    <message>
        <source>%1: a watch event is longer than %2 MiB, the most JobScope reads for one object (see docs/limits.md)</source>
        <translation>%1：一个 watch 事件长于 %2 MiB，这是 JobScope 为一个对象读取的上限（见 docs/limits.md）</translation>
    </message>
</context>
<context>
    <name>WhatifCommand</name>
    <message>
        <source>Forks a recorded Job into the simulator at a moment and simulates what would
have happened from there: up to T the run is the recording (the Job, its
status and every Pod as they were), after T the simulator goes on with the
Pods&apos; run times and exit codes the recording shows, changed by --set.
Writes the reports &apos;jobscope simulate&apos; writes, of the what-if run, and prints
the recorded and the what-if runs side by side on standard error.

PATH is a JobScope trace, a folder of kubectl watch streams or a kubectl dump
(see %1). --print-scenario writes the scenario the what-if runs in;
edit it and pass it back with --scenario.</source>
        <translation>在某一时刻把录制的 Job 分叉进模拟器，模拟从那时起会发生什么：
T 之前就是录制本身（Job、它的状态和每个 Pod 当时的样子），
T 之后模拟器按录制中 Pod 的运行时长和退出码继续运行，
并按 --set 修改。
输出与 &apos;jobscope simulate&apos; 相同的报告（针对假设推演的运行），
并在标准错误上并排打印录制的运行和假设推演的运行。

PATH 是 JobScope 跟踪文件、kubectl watch 流的文件夹或 kubectl 转储
（见 %1）。--print-scenario 输出假设推演所用的场景；
修改后可用 --scenario 传回。</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>显示此帮助并退出。</translation>
    </message>
    <message>
        <source>The moment to fork at, after the Job&apos;s creation (such as 12.5, 30s, 2m).</source>
        <translation>分叉的时刻，从 Job 创建起算（例如 12.5、30s、2m）。</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>Change one value of the what-if&apos;s scenario (repeatable), as &apos;simulate --set&apos; does: spec.parallelism=8, cluster.quota.pods=4, runTime=30, kubernetesVersion=1.32. It changes what happens after T only.</source>
        <translation>修改假设推演场景中的一个值（可重复），与 &apos;simulate --set&apos; 相同：spec.parallelism=8、cluster.quota.pods=4、runTime=30、kubernetesVersion=1.32。它只改变 T 之后发生的事。</translation>
    </message>
    <message>
        <source>PATH=VALUE</source>
        <translation>路径=值</translation>
    </message>
    <message>
        <source>Run the what-if in this scenario instead of the one made from the recording (as --print-scenario writes it).</source>
        <translation>在这个场景中运行假设推演，而不是根据录制生成的场景（即 --print-scenario 输出的那种）。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Write the what-if&apos;s scenario (after --set) to standard output and exit.</source>
        <translation>把假设推演的场景（应用 --set 之后）写到标准输出并退出。</translation>
    </message>
    <message>
        <source>The trace, kubectl watch folder or kubectl dump of the recorded Job.</source>
        <translation>录制的 Job 的跟踪文件、kubectl watch 文件夹或 kubectl 转储。</translation>
    </message>
    <message>
        <source>missing --at T: the moment of the recording to fork at</source>
        <translation>缺少 --at T：要在录制的哪个时刻分叉</translation>
    </message>
    <message>
        <source>--at: &apos;%1&apos; is not a time (such as 12.5, 30s, 2m)</source>
        <translation>--at：&apos;%1&apos; 不是时间（例如 12.5、30s、2m）</translation>
    </message>
    <message>
        <source>%1: the recording holds no Job to go on with</source>
        <translation>%1：录制中没有可以继续的 Job</translation>
    </message>
    <message>
        <source>what-if of %1</source>
        <translation>%1 的假设推演</translation>
    </message>
    <message>
        <source>%1 at %2 s</source>
        <translation>第 %2 秒 %1</translation>
    </message>
    <message>
        <source>not finished</source>
        <translation>未结束</translation>
    </message>
    <message>
        <source>%1 %2 · %3 Pods (%4 failed) · %5 Pod-seconds</source>
        <translation>%1 %2 · %3 个 Pod（%4 个失败）· %5 Pod·秒</translation>
    </message>
    <message>
        <source>what-if from %1 s:</source>
        <translation>从第 %1 秒起的假设推演：</translation>
    </message>
    <message>
        <source>  recorded:</source>
        <translation>  录制：</translation>
    </message>
    <message>
        <source>  what-if: </source>
        <translation>  假设：</translation>
    </message>
    <message>
        <source>  difference: %1</source>
        <translation>  差别：%1</translation>
    </message>
    <message>
        <source>Of a recording of several Jobs (record --all-jobs), the one to fork (default: the first recorded).</source>
        <translation>录制中有多个 Job 时（record --all-jobs），要分叉的那一个（默认：最先录制的）。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>--job %1: %2 holds no such Job (it holds %3)</source>
        <translation>--job %1：%2 中没有这个 Job（它包含 %3）</translation>
    </message>
    <message numerus="yes">
        <source>jobscope: note: %1 holds %n Jobs; the what-if forks %2 (--job NAME forks another)
</source>
        <translation>
            <numerusform>jobscope: 提示：%1 包含 %n 个 Job；假设推演分叉的是 %2（用 --job 名称 分叉其他 Job）
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jobscope::engine</name>
    <message>
        <source>%1: duplicate key &quot;%2&quot; (first written at line %3)</source>
        <translation>%1：重复的键 &quot;%2&quot;（第一次出现在第 %3 行）</translation>
    </message>
    <message>
        <source>Invalid value</source>
        <translation>无效值</translation>
    </message>
    <message>
        <source>a mapping key must be a string</source>
        <translation>映射的键必须是字符串</translation>
    </message>
    <message>
        <source>a Job must be a mapping with apiVersion, kind, metadata and spec</source>
        <translation>Job 必须是含有 apiVersion、kind、metadata 和 spec 的映射</translation>
    </message>
    <message>
        <source>Unsupported value</source>
        <translation>不支持的值</translation>
    </message>
    <message>
        <source>supported values: &quot;batch/v1&quot; (a Job is batch/v1)</source>
        <translation>支持的值：&quot;batch/v1&quot;（Job 属于 batch/v1）</translation>
    </message>
    <message>
        <source>supported values: &quot;Job&quot;</source>
        <translation>支持的值：&quot;Job&quot;</translation>
    </message>
    <message>
        <source>no Job in this file: it holds no object of kind Job (apiVersion batch/v1)</source>
        <translation>此文件中没有 Job：其中没有 kind 为 Job（apiVersion batch/v1）的对象</translation>
    </message>
    <message>
        <source>no Job in this file: it is empty</source>
        <translation>此文件中没有 Job：文件是空的</translation>
    </message>
    <message>
        <source>not a Kubernetes object: expected a mapping with apiVersion and kind</source>
        <translation>不是 Kubernetes 对象：应为含有 apiVersion 和 kind 的映射</translation>
    </message>
    <message>
        <source>every object needs a kind (kind: Job)</source>
        <translation>每个对象都需要 kind（kind: Job）</translation>
    </message>
    <message>
        <source>skipping %1: not a Job</source>
        <translation>跳过 %1：不是 Job</translation>
    </message>
    <message>
        <source>a Job is batch/v1</source>
        <translation>Job 属于 batch/v1</translation>
    </message>
    <message>
        <source>must be greater than or equal to 0</source>
        <translation>必须大于或等于 0</translation>
    </message>
    <message>
        <source>Required value</source>
        <translation>缺少必需的值</translation>
    </message>
    <message>
        <source>supported values: %1</source>
        <translation>支持的值：%1</translation>
    </message>
    <message>
        <source>Duplicate value</source>
        <translation>重复的值</translation>
    </message>
    <message>
        <source>Too many</source>
        <translation>数量过多</translation>
    </message>
    <message>
        <source>must have at most %1 items</source>
        <translation>最多只能有 %1 项</translation>
    </message>
    <message>
        <source>Too long</source>
        <translation>过长</translation>
    </message>
    <message>
        <source>name or generateName is required</source>
        <translation>必须设置 name 或 generateName</translation>
    </message>
    <message>
        <source>`selector` not auto-generated</source>
        <translation>`selector` 不是自动生成的</translation>
    </message>
    <message>
        <source>must be a domain-prefixed path (such as &quot;acme.io/foo&quot;)</source>
        <translation>必须是带域名前缀的路径（例如 &quot;acme.io/foo&quot;）</translation>
    </message>
    <message>
        <source>valid values: [&quot;In&quot; &quot;NotIn&quot;]</source>
        <translation>有效值：[&quot;In&quot; &quot;NotIn&quot;]</translation>
    </message>
    <message>
        <source>must be one of the container or initContainer names in the pod template</source>
        <translation>必须是 Pod 模板中某个 container 或 initContainer 的名称</translation>
    </message>
    <message>
        <source>at least one value is required</source>
        <translation>至少需要一个值</translation>
    </message>
    <message>
        <source>must not be 0 for the In operator</source>
        <translation>使用 In 运算符时不能为 0</translation>
    </message>
    <message>
        <source>must be ordered</source>
        <translation>必须按顺序排列</translation>
    </message>
    <message>
        <source>valid values: [&quot;False&quot; &quot;True&quot; &quot;Unknown&quot;]</source>
        <translation>有效值：[&quot;False&quot; &quot;True&quot; &quot;Unknown&quot;]</translation>
    </message>
    <message>
        <source>valid values: [&quot;Count&quot; &quot;FailIndex&quot; &quot;FailJob&quot; &quot;Ignore&quot;]</source>
        <translation>有效值：[&quot;Count&quot; &quot;FailIndex&quot; &quot;FailJob&quot; &quot;Ignore&quot;]</translation>
    </message>
    <message>
        <source>requires the backoffLimitPerIndex to be set</source>
        <translation>需要设置 backoffLimitPerIndex</translation>
    </message>
    <message>
        <source>specifying both OnExitCodes and OnPodConditions is not supported</source>
        <translation>不支持同时指定 OnExitCodes 和 OnPodConditions</translation>
    </message>
    <message>
        <source>specifying one of OnExitCodes and OnPodConditions is required</source>
        <translation>必须指定 OnExitCodes 或 OnPodConditions 之一</translation>
    </message>
    <message>
        <source>at least one of succeededCount or succeededIndexes must be specified</source>
        <translation>必须至少指定 succeededCount 或 succeededIndexes 之一</translation>
    </message>
    <message>
        <source>at least one rules must be specified when the successPolicy is specified</source>
        <translation>指定 successPolicy 时必须至少指定一条规则</translation>
    </message>
    <message>
        <source>when maxFailedIndexes is specified</source>
        <translation>指定了 maxFailedIndexes 时</translation>
    </message>
    <message>
        <source>when completion mode is Indexed</source>
        <translation>完成模式为 Indexed 时</translation>
    </message>
    <message>
        <source>must be less than or equal to completions</source>
        <translation>必须小于或等于 completions</translation>
    </message>
    <message>
        <source>requires indexed completion mode</source>
        <translation>需要 Indexed 完成模式</translation>
    </message>
    <message>
        <source>valid values: &quot;OnFailure&quot;, &quot;Never&quot;</source>
        <translation>有效值：&quot;OnFailure&quot;、&quot;Never&quot;</translation>
    </message>
    <message>
        <source>only &quot;Never&quot; is supported when podFailurePolicy is specified</source>
        <translation>指定 podFailurePolicy 时只支持 &quot;Never&quot;</translation>
    </message>
    <message>
        <source>`selector` does not match template `labels`</source>
        <translation>`selector` 与模板的 `labels` 不匹配</translation>
    </message>
    <message>
        <source>must be greater than 0</source>
        <translation>必须大于 0</translation>
    </message>
    <message>
        <source>a second Job: this scenario already has its Job under job: (line %1)</source>
        <translation>第二个 Job：此场景已经在 job: 下有了它的 Job（第 %1 行）</translation>
    </message>
    <message>
        <source>the Job inline (a manifest) or {path: FILE} naming a manifest file</source>
        <translation>内联的 Job（一个清单），或指向清单文件的 {path: FILE}</translation>
    </message>
    <message>
        <source>this file holds %1 Jobs; a scenario runs one (write one scenario per Job)</source>
        <translation>此文件包含 %1 个 Job；一个场景只运行一个（请为每个 Job 写一个场景）</translation>
    </message>
    <message>
        <source>must be a number of seconds or a duration such as 500ms, 30s, 2m</source>
        <translation>必须是秒数或时长，例如 500ms、30s、2m</translation>
    </message>
    <message>
        <source>one of fixed, uniform, normal, exponential, perIndex</source>
        <translation>fixed、uniform、normal、exponential、perIndex 之一</translation>
    </message>
    <message>
        <source>a number of seconds</source>
        <translation>一个秒数</translation>
    </message>
    <message>
        <source>must be greater than or equal to min</source>
        <translation>必须大于或等于 min</translation>
    </message>
    <message>
        <source>a list of seconds, one per completion index</source>
        <translation>秒数列表，每个完成索引一个</translation>
    </message>
    <message>
        <source>at least one number of seconds</source>
        <translation>至少一个秒数</translation>
    </message>
    <message>
        <source>the number of Pods the namespace&apos;s ResourceQuota allows</source>
        <translation>命名空间的 ResourceQuota 允许的 Pod 数量</translation>
    </message>
    <message>
        <source>a node ({pods: 10})</source>
        <translation>一个节点（{pods: 10}）</translation>
    </message>
    <message>
        <source>must be between %1 and %2</source>
        <translation>必须介于 %1 和 %2 之间</translation>
    </message>
    <message>
        <source>must be a positive quantity such as 2, 500m, 4Gi or 512Mi</source>
        <translation>必须是正的数量，例如 2、500m、4Gi 或 512Mi</translation>
    </message>
    <message>
        <source>a failure rule ({probability: 0.1, exitCode: 1})</source>
        <translation>一条失败规则（{probability: 0.1, exitCode: 1}）</translation>
    </message>
    <message>
        <source>a failure exits with a non-zero code (exit code 0 is a success)</source>
        <translation>失败时的退出码不为零（退出码 0 表示成功）</translation>
    </message>
    <message>
        <source>the number of work items in the queue</source>
        <translation>队列中的工作项数量</translation>
    </message>
    <message>
        <source>an action ({at: 30, do: suspend})</source>
        <translation>一个动作（{at: 30, do: suspend}）</translation>
    </message>
    <message>
        <source>the time of the action, in seconds after the Job&apos;s creation</source>
        <translation>动作的时间，即 Job 创建后的秒数</translation>
    </message>
    <message>
        <source>suspend, resume, setParallelism, setQuota, removeQuota, deletePod, failNode, deleteJob, forbidCreate or allowCreate</source>
        <translation>suspend、resume、setParallelism、setQuota、removeQuota、deletePod、failNode、deleteJob、forbidCreate 或 allowCreate</translation>
    </message>
    <message>
        <source>the name of a node of the cluster</source>
        <translation>集群中某个节点的名称</translation>
    </message>
    <message>
        <source>a manifest file, relative to this file</source>
        <translation>一个清单文件，路径相对于此文件</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation>无法读取 %1</translation>
    </message>
    <message>
        <source>holds %1 Jobs; a scenario runs one</source>
        <translation>包含 %1 个 Job；一个场景只运行一个</translation>
    </message>
    <message>
        <source>skipping %1: not a Job or ResourceQuota</source>
        <translation>跳过 %1：不是 Job 或 ResourceQuota</translation>
    </message>
    <message>
        <source>must be a whole number of Pods</source>
        <translation>必须是整数个 Pod</translation>
    </message>
    <message>
        <source>not a scenario or a Kubernetes object: expected a mapping (a scenario with job:, or a Job manifest)</source>
        <translation>不是场景，也不是 Kubernetes 对象：应为映射（带 job: 的场景，或 Job 清单）</translation>
    </message>
    <message>
        <source>empty scenario file: expected a scenario (a mapping with a job) or a Job manifest</source>
        <translation>场景文件是空的：应为场景（带 job 的映射）或 Job 清单</translation>
    </message>
    <message>
        <source>a second scenario: a scenario file holds one (the first starts at line %1)</source>
        <translation>第二个场景：一个场景文件只包含一个场景（第一个从第 %1 行开始）</translation>
    </message>
    <message>
        <source>not a text file: it contains NUL bytes</source>
        <translation>不是文本文件：其中含有 NUL 字节</translation>
    </message>
    <message>
        <source>YAML nesting too deep (more than %1 levels)</source>
        <translation>YAML 嵌套过深（超过 %1 层）</translation>
    </message>
    <message>
        <source>YAML syntax error: %1</source>
        <translation>YAML 语法错误：%1</translation>
    </message>
    <message>
        <source>cannot parse YAML: %1</source>
        <translation>无法解析 YAML：%1</translation>
    </message>
    <message>
        <source>cannot open file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>cannot read file</source>
        <translation>无法读取文件</translation>
    </message>
    <message>
        <source>must be an integer</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <source>must be an integer between %1 and %2</source>
        <translation>必须是介于 %1 和 %2 之间的整数</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>必须是数字</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <source>must be an RFC 3339 time (2026-01-01T00:00:30Z) or a number of seconds</source>
        <translation>必须是 RFC 3339 时间（2026-01-01T00:00:30Z）或秒数</translation>
    </message>
    <message>
        <source>must be a mapping</source>
        <translation>必须是映射</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>必须是列表</translation>
    </message>
    <message>
        <source>%1: unknown field &quot;%2&quot;</source>
        <translation>%1：未知字段 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>%1: unknown field &quot;%2&quot; (did you mean &quot;%3&quot;?)</source>
        <translation>%1：未知字段 &quot;%2&quot;（您是指 &quot;%3&quot; 吗？）</translation>
    </message>
    <message>
        <source>current master</source>
        <translation>当前 master</translation>
    </message>
    <message>
        <source>%1 (did you mean &quot;%2&quot;?)</source>
        <translation>%1（您是指 &quot;%2&quot; 吗？）</translation>
    </message>
    <message>
        <source>supported versions: 1.%1 to 1.%2, or newer</source>
        <translation>支持的版本：1.%1 到 1.%2，或更新的版本</translation>
    </message>
    <message>
        <source>a mapping or list</source>
        <translation>映射或列表</translation>
    </message>
    <message>
        <source>must be a Kubernetes minor version such as &quot;1.30&quot; (%1)</source>
        <translation>必须是 Kubernetes 次版本号，例如 &quot;1.30&quot;（%1）</translation>
    </message>
    <message>
        <source>%1 (the Job gates of older releases are not modelled)</source>
        <translation>%1（不模拟更早版本的 Job 特性门控）</translation>
    </message>
    <message>
        <source>supported gates (the Job controller&apos;s): %1</source>
        <translation>支持的特性门控（Job 控制器的）：%1</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>%1 has no such gate (%2 exists from 1.%3 on)</source>
        <translation>%1 中没有此特性门控（%2 从 1.%3 起才有）</translation>
    </message>
    <message>
        <source>the gate is GA and locked to %1 in %2 (it can be turned off in %3 and older)</source>
        <translation>该特性门控在 %2 中已 GA 并锁定为 %1（在 %3 及更早版本中可以关闭）</translation>
    </message>
    <message>
        <source>the gate is GA and locked to %1 in %2 (set kubernetesVersion to &quot;%3&quot; or older to turn it off)</source>
        <translation>该特性门控在 %2 中已 GA 并锁定为 %1（将 kubernetesVersion 设为 &quot;%3&quot; 或更早版本即可关闭）</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>must be a mapping of gate names to true or false, such as {JobManagedBy: false}</source>
        <translation>必须是从特性门控名称到 true 或 false 的映射，例如 {JobManagedBy: false}</translation>
    </message>
    <message>
        <source>a gate name must be a string</source>
        <translation>特性门控名称必须是字符串</translation>
    </message>
    <message>
        <source>a lesson is a mapping with title and scenes</source>
        <translation>课程必须是含有 title 和 scenes 的映射</translation>
    </message>
    <message>
        <source>a list of scenes</source>
        <translation>场景列表</translation>
    </message>
    <message>
        <source>at least one scene</source>
        <translation>至少一个场景</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>a scene mapping</source>
        <translation>一个场景映射</translation>
    </message>
    <message>
        <source>a scenario file or the scenario inline</source>
        <translation>场景文件或内联的场景</translation>
    </message>
    <message>
        <source>a list of steps</source>
        <translation>步骤列表</translation>
    </message>
    <message>
        <source>at least one step</source>
        <translation>至少一个步骤</translation>
    </message>
    <message>
        <source>%1: cannot read %2: %3</source>
        <translation>%1：无法读取 %2：%3</translation>
    </message>
    <message>
        <source>%1: must be a scenario file name or a scenario mapping</source>
        <translation>%1：必须是场景文件名或场景映射</translation>
    </message>
    <message>
        <source>%1: the scenario with the errors above</source>
        <translation>%1：出现上述错误的场景</translation>
    </message>
    <message>
        <source>a step mapping</source>
        <translation>一个步骤映射</translation>
    </message>
    <message>
        <source>seconds, end, or {cause-start: CAUSE}</source>
        <translation>秒数、end 或 {cause-start: CAUSE}</translation>
    </message>
    <message>
        <source>must be seconds after the Job&apos;s creation (such as 12 or 1m), start, end, or {cause-start: CAUSE}</source>
        <translation>必须是 Job 创建后的秒数（例如 12 或 1m）、start、end 或 {cause-start: CAUSE}</translation>
    </message>
    <message>
        <source>%1: must be seconds, start, end, or {cause-start: CAUSE}</source>
        <translation>%1：必须是秒数、start、end 或 {cause-start: CAUSE}</translation>
    </message>
    <message>
        <source>%1: needs exactly one of cause-start, cause-end and end</source>
        <translation>%1：cause-start、cause-end 和 end 必须恰好有一个</translation>
    </message>
    <message>
        <source>%1: takes no value (write end: ~)</source>
        <translation>%1：不接受值（请写 end: ~）</translation>
    </message>
    <message>
        <source>%1: only for cause-start and cause-end</source>
        <translation>%1：只能用于 cause-start 和 cause-end</translation>
    </message>
    <message>
        <source>must not be after the end</source>
        <translation>不能晚于结束时刻</translation>
    </message>
    <message>
        <source>must be a number of seconds &gt;= 0</source>
        <translation>必须是 &gt;= 0 的秒数</translation>
    </message>
    <message>
        <source>%1: unknown placeholder {%2}; see docs/lesson.md for the names</source>
        <translation>%1：未知的占位符 {%2}；名称见 docs/lesson.md</translation>
    </message>
    <message>
        <source>%1: unknown placeholder {%2}; did you mean {%3}?</source>
        <translation>%1：未知的占位符 {%2}；您是指 {%3} 吗？</translation>
    </message>
    <message>
        <source>%1: {%2} needs a compare: scenario in the scene</source>
        <translation>%1：{%2} 需要场景中有 compare: 场景</translation>
    </message>
    <message>
        <source>the lesson file is empty</source>
        <translation>课程文件是空的</translation>
    </message>
    <message>
        <source>a lesson file holds one YAML document</source>
        <translation>一个课程文件只包含一个 YAML 文档</translation>
    </message>
    <message>
        <source>cannot read the lesson: %1</source>
        <translation>无法读取课程：%1</translation>
    </message>
    <message>
        <source>the cause %1 does not occur at or after %2 s in this scene&apos;s simulation</source>
        <translation>在此场景的模拟中，原因 %1 在 %2 秒及之后没有出现</translation>
    </message>
    <message>
        <source>the cause %1 does not occur in this scene&apos;s simulation</source>
        <translation>在此场景的模拟中，原因 %1 没有出现</translation>
    </message>
    <message>
        <source>%1: %2 (at %3 s)</source>
        <translation>%1：%2（在 %3 秒处）</translation>
    </message>
    <message>
        <source>%1: duplicate key %2 (first written at line %3)</source>
        <translation>%1：重复的键 %2（第一次出现在第 %3 行）</translation>
    </message>
    <message>
        <source>the node of line %1</source>
        <translation>第 %1 行的节点</translation>
    </message>
    <message>
        <source>must be at least %1 and below %2</source>
        <translation>必须大于或等于 %1 且小于 %2</translation>
    </message>
    <message>
        <source>name the Pod with exactly one of pod (a name, oldest or newest) and index (a completion index)</source>
        <translation>必须用 pod（名称、oldest 或 newest）和 index（完成索引）中的恰好一个来指定 Pod</translation>
    </message>
    <message>
        <source>the cluster has no such node</source>
        <translation>集群中没有此节点</translation>
    </message>
    <message>
        <source>a mapping</source>
        <translation>映射</translation>
    </message>
    <message>
        <source>must be a list of Pods (or a v1 List with items)</source>
        <translation>必须是 Pod 列表（或带 items 的 v1 List）</translation>
    </message>
    <message>
        <source>%1: too many Pods (at most %2 in one state)</source>
        <translation>%1：Pod 过多（一个状态中最多 %2 个）</translation>
    </message>
    <message>
        <source>Pod name &quot;%1&quot; is used more than once</source>
        <translation>Pod 名称 &quot;%1&quot; 被使用了不止一次</translation>
    </message>
    <message>
        <source>Pod uid &quot;%1&quot; is used more than once</source>
        <translation>Pod uid &quot;%1&quot; 被使用了不止一次</translation>
    </message>
    <message>
        <source>must be a Pod object or a shorthand mapping such as {name: a, phase: Running}</source>
        <translation>必须是 Pod 对象或简写映射，例如 {name: a, phase: Running}</translation>
    </message>
    <message>
        <source>%1: Pod &quot;%2&quot; is controlled by another owner (uid %3); the Job controller does not see it, so it is left out</source>
        <translation>%1：Pod &quot;%2&quot; 由另一个所有者（uid %3）控制；Job 控制器看不到它，因此将其略去</translation>
    </message>
    <message>
        <source>%1: keys must be strings</source>
        <translation>%1：键必须是字符串</translation>
    </message>
    <message>
        <source>a Pod needs a name</source>
        <translation>Pod 需要名称</translation>
    </message>
    <message>
        <source>must be an integer (or a string)</source>
        <translation>必须是整数（或字符串）</translation>
    </message>
    <message>
        <source>must be a condition type or a mapping</source>
        <translation>必须是条件类型或映射</translation>
    </message>
    <message>
        <source>must be between 0 and %1</source>
        <translation>必须介于 0 和 %1 之间</translation>
    </message>
    <message>
        <source>a uid names one Pod; it cannot be given with count &gt; 1</source>
        <translation>uid 只指定一个 Pod；不能与 count &gt; 1 一起使用</translation>
    </message>
    <message>
        <source>not a text file: a NUL byte at this position (a state file is YAML or JSON text)</source>
        <translation>不是文本文件：此位置有一个 NUL 字节（状态文件是 YAML 或 JSON 文本）</translation>
    </message>
    <message>
        <source>the time of the sync, an RFC 3339 time (&quot;2026-01-01T00:00:30Z&quot;) or a number of seconds</source>
        <translation>同步的时间，RFC 3339 时间（&quot;2026-01-01T00:00:30Z&quot;）或秒数</translation>
    </message>
    <message>
        <source>the batch/v1 Job as kubectl prints it</source>
        <translation>kubectl 输出的 batch/v1 Job</translation>
    </message>
    <message>
        <source>empty state file: expected a mapping with the keys job, now and pods</source>
        <translation>状态文件是空的：应为含有键 job、now 和 pods 的映射</translation>
    </message>
    <message>
        <source>a state file holds one YAML document; this is a second one</source>
        <translation>一个状态文件只包含一个 YAML 文档；这是第二个</translation>
    </message>
    <message>
        <source>a state file is a mapping with the keys job, now and pods (and optionally expectations, backoff, apiErrors, featureGates, kubernetesVersion)</source>
        <translation>状态文件是含有键 job、now 和 pods 的映射（可选 expectations、backoff、apiErrors、featureGates、kubernetesVersion）</translation>
    </message>
    <message>
        <source>cannot read the state: %1</source>
        <translation>无法读取状态：%1</translation>
    </message>
    <message>
        <source>YAML syntax error: unexpected &apos;,&apos; outside a flow collection ([...] or {...})</source>
        <translation>YAML 语法错误：流式集合（[...] 或 {...}）之外出现了意外的 &apos;,&apos;</translation>
    </message>
    <message>
        <source>a sequence</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>too large: %1 bytes, more than the limit of %2 for this kind of file (see docs/limits.md)</source>
        <translation>太大：%1 字节，超过此类文件 %2 的上限（见 docs/limits.md）</translation>
    </message>
    <message>
        <source>is a folder; expected a file</source>
        <translation>是一个文件夹；应为文件</translation>
    </message>
    <message>
        <source>not a regular file (a device, pipe or socket); expected a file</source>
        <translation>不是普通文件（设备、管道或套接字）；应为文件</translation>
    </message>
    <message>
        <source>must have at most %1 bytes</source>
        <translation>最多只能有 %1 字节</translation>
    </message>
    <message>
        <source>the Job needs at least %1 Pods (%2), more than the simulation&apos;s limit of %3 Pods (simulate --max-pods)</source>
        <translation>该 Job 至少需要 %1 个 Pod（%2），超过模拟的上限 %3 个 Pod（simulate --max-pods）</translation>
    </message>
    <message>
        <source>the simulation created more than %1 Pods (the limit, simulate --max-pods) by %2 s and was stopped</source>
        <translation>模拟在 %2 秒时已创建超过 %1 个 Pod（上限，simulate --max-pods），已被停止</translation>
    </message>
    <message>
        <source>YAML aliases expand to too many nodes: more than %1 besides the nodes written (an alias bomb?)</source>
        <translation>YAML 别名展开的节点过多：除写出的节点外还多于 %1 个（别名炸弹？）</translation>
    </message>
    <message>
        <source>cannot read file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>cannot open file: %1</source>
        <translation>无法打开文件：%1</translation>
    </message>
    <message>
        <source>YAML syntax error: this &apos;%1&apos; is never closed (%2)</source>
        <translation>YAML 语法错误：这个“%1”没有闭合（%2）</translation>
    </message>
    <message>
        <source>YAML syntax error: the string quoted here runs on to line %1; is its closing quote missing? (%2)</source>
        <translation>YAML 语法错误：从这里开始的带引号字符串一直延续到第 %1 行；是否缺少结束引号？（%2）</translation>
    </message>
    <message>
        <source>%1: needs a compare: scenario in the scene</source>
        <translation>%1：需要场景中有 compare: 场景</translation>
    </message>
    <message>
        <source>must be seconds, a placeholder name such as delay, or none</source>
        <translation>必须是秒数、占位符名称（如 delay）或 none</translation>
    </message>
    <message>
        <source>the cause %1 is not in force at %2 s (in force: %3)</source>
        <translation>第 %2 秒原因 %1 并不成立（成立的是：%3）</translation>
    </message>
    <message>
        <source>the cause %1 is in force at %2 s, not absent</source>
        <translation>第 %2 秒原因 %1 成立，并非不存在</translation>
    </message>
    <message>
        <source>the cause %1 is not in force in the compare scenario at %2 s (in force: %3)</source>
        <translation>第 %2 秒对比场景中原因 %1 并不成立（成立的是：%3）</translation>
    </message>
    <message>
        <source>nextCreation: none, but a Pod is created at %1 s</source>
        <translation>nextCreation：none，但第 %1 秒创建了一个 Pod</translation>
    </message>
    <message>
        <source>nextCreation: {%1} has no value at %2 s</source>
        <translation>nextCreation：{%1} 在第 %2 秒没有值</translation>
    </message>
    <message>
        <source>nextCreation: %1 s, but no Pod is created after %2 s</source>
        <translation>nextCreation：%1 秒，但第 %2 秒之后没有创建任何 Pod</translation>
    </message>
    <message>
        <source>nextCreation: %1 s, but the next Pod is created %2 s after the step (at %3 s)</source>
        <translation>nextCreation：%1 秒，但下一个 Pod 在这一步之后 %2 秒（第 %3 秒）才创建</translation>
    </message>
    <message>
        <source>%1: the number %2 is written out; a caption&apos;s numbers come from placeholders ({time}, {active}, {delay} …) so that they hold for the run shown</source>
        <translation>%1：直接写出了数字 %2；说明文字中的数字应来自占位符（{time}、{active}、{delay} ……），这样才能与所展示的运行一致</translation>
    </message>
    <message>
        <source>status: the Job has already finished (%1): the simulation starts from this status, so no Pod runs; delete status to simulate the Job from its start, or fork the recorded Job at a moment of its life with &apos;jobscope whatif FILE --at SECONDS&apos;</source>
        <translation>status：这个 Job 已经结束（%1）：模拟从这个状态开始，因此不会运行任何 Pod；删除 status 即可从头模拟这个 Job，或者用 &apos;jobscope whatif FILE --at SECONDS&apos; 在它生命中的某一时刻把录制的 Job 分叉出来</translation>
    </message>
    <message>
        <source>status: the Job has already run (%1 succeeded, %2 failed, %3 active): the simulation goes on from this status; delete status to simulate the Job from its start, or fork the recorded Job at a moment of its life with &apos;jobscope whatif FILE --at SECONDS&apos;</source>
        <translation>status：这个 Job 已经运行过（%1 个成功，%2 个失败，%3 个活跃）：模拟从这个状态继续；删除 status 即可从头模拟这个 Job，或者用 &apos;jobscope whatif FILE --at SECONDS&apos; 在它生命中的某一时刻把录制的 Job 分叉出来</translation>
    </message>
    <message>
        <source>%1: a scene of points has no %2</source>
        <translation>%1：要点场景不能有 %2</translation>
    </message>
    <message>
        <source>%1: %2 points, but points has %3</source>
        <translation>%1：有 %2 条要点，但 points 有 %3 条</translation>
    </message>
    <message>
        <source>at least one point</source>
        <translation>至少一条要点</translation>
    </message>
    <message>
        <source>%1: notes belong to the steps of a scene that runs</source>
        <translation>%1：运行场景的备注应写在它的步骤上</translation>
    </message>
    <message>
        <source>jobs: the scenario has its Job under job: (line %1); write every Job under jobs:</source>
        <translation>jobs：场景已在 job: 下写了 Job（第 %1 行）；请把所有 Job 都写在 jobs: 下</translation>
    </message>
    <message>
        <source>a Job outside jobs: (line %1): write it as an item of jobs:</source>
        <translation>jobs: 之外的 Job（第 %1 行）：请把它写成 jobs: 的一项</translation>
    </message>
    <message>
        <source>a list of {job: JOB, startAt: SECONDS}</source>
        <translation>一个 {job: JOB, startAt: 秒数} 的列表</translation>
    </message>
    <message>
        <source>must hold at most %1 Jobs</source>
        <translation>最多只能有 %1 个 Job</translation>
    </message>
    <message>
        <source>replicas: repeats the Job under job:; a scenario with jobs: lists each Job</source>
        <translation>replicas: 重复 job: 下的 Job；使用 jobs: 的场景要逐个列出每个 Job</translation>
    </message>
    <message>
        <source>how many Jobs the template makes</source>
        <translation>模板生成的 Job 个数</translation>
    </message>
    <message>
        <source>the Job of line %1</source>
        <translation>第 %1 行的 Job</translation>
    </message>
    <message>
        <source>Forbidden</source>
        <translation>禁止</translation>
    </message>
    <message>
        <source>%1 acts on the cluster that every Job shares, not on one Job</source>
        <translation>%1 作用于所有 Job 共享的集群，而不是某一个 Job</translation>
    </message>
    <message>
        <source>the name of a Job of the scenario</source>
        <translation>场景中某个 Job 的名称</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 等另外 %2 个</translation>
    </message>
    <message>
        <source>the scenario has no such Job; its Jobs: %1</source>
        <translation>场景中没有此 Job；它的 Job：%1</translation>
    </message>
    <message>
        <source>the %1 Jobs need at least %2 Pods together (their spec.completions, or spec.parallelism without), more than the simulation&apos;s limit of %3 Pods (simulate --max-pods)</source>
        <translation>这 %1 个 Job 合计至少需要 %2 个 Pod（它们的 spec.completions，未设置时为 spec.parallelism），超过模拟的上限 %3 个 Pod（simulate --max-pods）</translation>
    </message>
    <message>
        <source>%1: two runs side by side leave no room for the Pods under them; remove gantt or compare</source>
        <translation>%1：两个并排的运行下方没有放 Pod 的空间；请去掉 gantt 或 compare</translation>
    </message>
</context>
<context>
    <name>jobscope::ui::CompareWindow</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1: cannot be read as a scenario</source>
        <translation>%1：无法作为场景读取</translation>
    </message>
    <message>
        <source>there is no side %1 to open a file on</source>
        <translation>没有可打开文件的第 %1 侧</translation>
    </message>
    <message>
        <source>Not finished by %1 s</source>
        <translation>到 %1 秒仍未结束</translation>
    </message>
    <message>
        <source>%1 Pod-seconds</source>
        <translation>%1 Pod·秒</translation>
    </message>
    <message numerus="yes">
        <source>%n Pod(s) created</source>
        <translation>
            <numerusform>创建了 %n 个 Pod</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n 个失败</numerusform>
        </translation>
    </message>
    <message>
        <source>Top: choose a scenario</source>
        <translation>上方：选择一个场景</translation>
    </message>
    <message>
        <source>Bottom: choose a scenario</source>
        <translation>下方：选择一个场景</translation>
    </message>
    <message>
        <source>Both complete at %1 s.</source>
        <translation>两者都在 %1 秒时完成。</translation>
    </message>
    <message>
        <source>Faster: %1, by %2 s.</source>
        <translation>更快：%1，快 %2 秒。</translation>
    </message>
    <message>
        <source>Only %1 completes.</source>
        <translation>只有 %1 完成。</translation>
    </message>
    <message>
        <source>Neither completes.</source>
        <translation>两者都未完成。</translation>
    </message>
    <message>
        <source>Both use %1 Pod-seconds.</source>
        <translation>两者都用了 %1 Pod·秒。</translation>
    </message>
    <message>
        <source>Cheaper: %1, %2 Pod-seconds fewer.</source>
        <translation>更省：%1，少用 %2 Pod·秒。</translation>
    </message>
    <message>
        <source>Compare two runs</source>
        <translation>比较两次运行</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Open the top scenario</source>
        <translation>打开上方的场景</translation>
    </message>
    <message>
        <source>Open the bottom scenario</source>
        <translation>打开下方的场景</translation>
    </message>
    <message>
        <source>Trade-off example for the top</source>
        <translation>上方的权衡示例</translation>
    </message>
    <message>
        <source>Trade-off example for the bottom</source>
        <translation>下方的权衡示例</translation>
    </message>
    <message>
        <source>Trade-off examples…</source>
        <translation>权衡示例…</translation>
    </message>
    <message>
        <source>%1 at %2 s</source>
        <translation>%2 秒时%1</translation>
    </message>
    <message>
        <source>Job %1 (recorded)</source>
        <translation>Job %1（录制）</translation>
    </message>
    <message>
        <source>Open a scenario, Job manifest or recording</source>
        <translation>打开场景、Job 清单或录制</translation>
    </message>
    <message>
        <source>Open a scenario, Job manifest or recording for this side</source>
        <translation>为这一侧打开场景、Job 清单或录制</translation>
    </message>
    <message numerus="yes">
        <source>%n Job(s)</source>
        <translation>
            <numerusform>%n 个 Job</numerusform>
        </translation>
    </message>
    <message>
        <source>Fewer API objects: %1, %2 Jobs and Pods against %3.</source>
        <translation>API 对象更少：%1，%2 个 Job 和 Pod，对方为 %3 个。</translation>
    </message>
    <message numerus="yes">
        <source>%n Jobs (recorded)</source>
        <translation>
            <numerusform>%n 个 Job（录制）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jobscope::ui::ConnectDialog</name>
    <message>
        <source>Choose a kubeconfig</source>
        <translation>选择 kubeconfig</translation>
    </message>
    <message>
        <source>Reconnecting: %1</source>
        <translation>正在重新连接：%1</translation>
    </message>
    <message>
        <source>Listing the Jobs of %1…</source>
        <translation>正在列出 %1 中的 Job…</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>已失败</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>%1 active</source>
        <translation>%1 个运行中</translation>
    </message>
    <message>
        <source>%1 — %2, %3 succeeded</source>
        <translation>%1 — %2，%3 个成功</translation>
    </message>
    <message>
        <source>Connect to a cluster</source>
        <translation>连接到集群</translation>
    </message>
    <message>
        <source>Kubeconfig:</source>
        <translation>Kubeconfig：</translation>
    </message>
    <message>
        <source>default (KUBECONFIG or ~/.kube/config)</source>
        <translation>默认（KUBECONFIG 或 ~/.kube/config）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>上下文：</translation>
    </message>
    <message>
        <source>Namespace:</source>
        <translation>命名空间：</translation>
    </message>
    <message>
        <source>Jobs:</source>
        <translation>Job 列表：</translation>
    </message>
    <message>
        <source>Job:</source>
        <translation>Job：</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Jobs in %1: %2, updated live</source>
        <translation>%1 中的 Job：%2 个，实时更新</translation>
    </message>
    <message>
        <source>choose a kubeconfig file with Browse…, or start JobScope with KUBECONFIG set to one</source>
        <translation>请用“浏览…”选择一个 kubeconfig 文件，或在启动 JobScope 前把 KUBECONFIG 设为某个 kubeconfig 文件</translation>
    </message>
    <message numerus="yes">
        <source>%n namespace(s) listed; type another name if yours is not among them</source>
        <translation>
            <numerusform>已列出 %n 个命名空间；如果你的不在其中，请输入名称</numerusform>
        </translation>
    </message>
    <message>
        <source>The namespaces cannot be listed with these credentials (%1): type the name</source>
        <translation>这些凭据无法列出命名空间（%1）：请输入名称</translation>
    </message>
    <message>
        <source>Follow:</source>
        <translation>跟踪：</translation>
    </message>
    <message>
        <source>The Job named below</source>
        <translation>下面指定的 Job</translation>
    </message>
    <message>
        <source>Every Job of the namespace</source>
        <translation>命名空间中的每个 Job</translation>
    </message>
    <message>
        <source>The Jobs a label selector matches</source>
        <translation>标签选择器匹配的 Job</translation>
    </message>
    <message>
        <source>Every Job, or those a selector matches, includes the Jobs created while watching (a CronJob&apos;s), and shows them together and each on its own</source>
        <translation>“每个 Job”或“选择器匹配的 Job”包括跟踪期间新建的 Job（例如 CronJob 创建的），既可合在一起查看，也可单独查看每个 Job</translation>
    </message>
    <message>
        <source>Label selector:</source>
        <translation>标签选择器：</translation>
    </message>
    <message>
        <source>as kubectl -l, such as app=batch,tier in (a,b)</source>
        <translation>与 kubectl -l 相同，例如 app=batch,tier in (a,b)</translation>
    </message>
</context>
<context>
    <name>jobscope::ui::EditorPanel</name>
    <message>
        <source>The knob could not change the text: %1</source>
        <translation>旋钮无法修改文本：%1</translation>
    </message>
    <message>
        <source>A recorded trace has no knobs: it is what happened.</source>
        <translation>录制的轨迹没有可调旋钮：它记录的是实际发生的事情。</translation>
    </message>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>第 %1 行，第 %2 列：%3</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Knobs</source>
        <translation>旋钮</translation>
    </message>
    <message>
        <source>Each knob rewrites just its value in the YAML above (Ctrl+Z undoes it); editing the YAML moves the knobs.</source>
        <translation>每个旋钮只改写上方 YAML 中对应的值（Ctrl+Z 可撤销）；编辑 YAML 时旋钮随之更新。</translation>
    </message>
    <message>
        <source>YAML editor</source>
        <translation>YAML 编辑器</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>没有问题</translation>
    </message>
    <message numerus="yes">
        <source>Problems (%n)</source>
        <translation>
            <numerusform>问题（%n）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jobscope::ui::ExportSizeDialog</name>
    <message>
        <source>Image Size</source>
        <translation>图像尺寸</translation>
    </message>
    <message>
        <source>&amp;Width (px):</source>
        <translation>宽度（像素）(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Height (px):</source>
        <translation>高度（像素）(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Scale:</source>
        <translation>缩放(&amp;S)：</translation>
    </message>
    <message>
        <source>Image width in pixels</source>
        <translation>图像宽度（像素）</translation>
    </message>
    <message>
        <source>Image height in pixels</source>
        <translation>图像高度（像素）</translation>
    </message>
    <message>
        <source>Scale factor</source>
        <translation>缩放倍数</translation>
    </message>
    <message>
        <source>Fonts and lines are laid out for the width and height; the scale multiplies the pixels, for sharp images on high-DPI screens and in print.</source>
        <translation>字体和线条按宽度和高度排布；缩放倍数放大像素数，使图像在高分辨率屏幕和打印中保持清晰。</translation>
    </message>
    <message>
        <source>The image will be %1 × %2 pixels.</source>
        <translation>图像将为 %1 × %2 像素。</translation>
    </message>
</context>
<context>
    <name>jobscope::ui::FindBar</name>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>已替换 %n 处</numerusform>
        </translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>无匹配</translation>
    </message>
    <message numerus="yes">
        <source>%n matches</source>
        <translation>
            <numerusform>%n 处匹配</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 处，共 %2 处</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>替换为</translation>
    </message>
    <message>
        <source>Replace:</source>
        <translation>替换：</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一处匹配（Shift+Enter）</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>上一处匹配</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>下一处匹配（Enter）</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>下一处匹配</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>关闭查找栏</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>全词匹配</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>全部替换</translation>
    </message>
</context>
<context>
    <name>jobscope::ui::InspectorPanel</name>
    <message>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <source>Narration</source>
        <translation>解说</translation>
    </message>
    <message>
        <source>Job status</source>
        <translation>Job 状态</translation>
    </message>
    <message>
        <source>Selected Pod</source>
        <translation>所选 Pod</translation>
    </message>
    <message>
        <source>Job deleted</source>
        <translation>Job 已删除</translation>
    </message>
    <message>
        <source>not created yet</source>
        <translation>尚未创建</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>%1, exit code %2</source>
        <translation>%1，退出码 %2</translation>
    </message>
    <message>
        <source>terminating</source>
        <translation>终止中</translation>
    </message>
    <message>
        <source>running, ready</source>
        <translation>运行中，已就绪</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>pending: scheduled, container starting</source>
        <translation>等待中：已调度，容器启动中</translation>
    </message>
    <message>
        <source>pending: not scheduled yet</source>
        <translation>等待中：尚未调度</translation>
    </message>
    <message>
        <source>Open a Job manifest or a scenario to see what happens.</source>
        <translation>打开一个 Job 清单或场景，查看发生了什么。</translation>
    </message>
    <message>
        <source>Job at %1</source>
        <translation>%1 时的 Job</translation>
    </message>
    <message>
        <source>Requested (parallelism)</source>
        <translation>请求数（parallelism）</translation>
    </message>
    <message>
        <source>Controller&apos;s target</source>
        <translation>控制器的目标</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Terminating</source>
        <translation>终止中</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Causes</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>not observed yet</source>
        <translation>尚未观察到</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Completion index</source>
        <translation>完成索引</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>尝试</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>未调度</translation>
    </message>
    <message>
        <source>At %1</source>
        <translation>%1 时</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>调度</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Last phase</source>
        <translation>最后阶段</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>退出码</translation>
    </message>
    <message>
        <source>Disruption</source>
        <translation>中断</translation>
    </message>
    <message>
        <source>DisruptionTarget (node lost, evicted or preempted)</source>
        <translation>DisruptionTarget（节点丢失、被驱逐或被抢占）</translation>
    </message>
    <message>
        <source>Click a Pod in the Gantt chart to see its details.</source>
        <translation>在甘特图中点击一个 Pod 查看其详情。</translation>
    </message>
    <message>
        <source>Completions left</source>
        <translation>剩余完成数</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a cause, then the Job it holds back</comment>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>jobscope::ui::JobDocument</name>
    <message>
        <source>Job %1</source>
        <translation>Job %1</translation>
    </message>
    <message>
        <source>internal error: %1</source>
        <translation>内部错误：%1</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Scenarios, manifests and traces (*.yaml *.yml *.jsonl *.json)</source>
        <translation>场景、清单和跟踪记录 (*.yaml *.yml *.jsonl *.json)</translation>
    </message>
    <message>
        <source>Traces (*.jsonl *.json)</source>
        <translation>跟踪记录 (*.jsonl *.json)</translation>
    </message>
    <message>
        <source>Scenarios and manifests (*.yaml *.yml)</source>
        <translation>场景和清单 (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>它是一个文件夹</translation>
    </message>
    <message>
        <source>a trace is a recording and cannot be saved as text</source>
        <translation>跟踪记录是一份录制，不能保存为文本</translation>
    </message>
    <message>
        <source>%1 is read-only; save it under a new name</source>
        <translation>%1 是只读的；请用新名称保存</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot open %1: it is not a text file (binary data near byte %2); JobScope opens YAML scenarios and manifests, traces and kubectl captures</source>
        <translation>无法打开 %1：它不是文本文件（第 %2 字节附近有二进制数据）；JobScope 打开的是 YAML 场景和清单、跟踪文件和 kubectl 捕获</translation>
    </message>
    <message numerus="yes">
        <source>%n Jobs</source>
        <translation>
            <numerusform>%n 个 Job</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>jobscope::ui::KnobPanel</name>
    <message>
        <source>There is no knob &quot;%1&quot;.</source>
        <translation>没有名为“%1”的旋钮。</translation>
    </message>
    <message>
        <source>Parallelism</source>
        <translation>并行度</translation>
    </message>
    <message>
        <source>default (1)</source>
        <translation>默认（1）</translation>
    </message>
    <message>
        <source>Completions</source>
        <translation>完成数</translation>
    </message>
    <message>
        <source>unset</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Completion mode</source>
        <translation>完成模式</translation>
    </message>
    <message>
        <source>Backoff limit</source>
        <translation>退避上限</translation>
    </message>
    <message>
        <source>default (6)</source>
        <translation>默认（6）</translation>
    </message>
    <message>
        <source>Pod replacement</source>
        <translation>Pod 替换策略</translation>
    </message>
    <message>
        <source>Failure rate</source>
        <translation>失败率</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Quota (Pods)</source>
        <translation>配额（Pod 数）</translation>
    </message>
    <message>
        <source>no quota</source>
        <translation>无配额</translation>
    </message>
    <message>
        <source>Pod duration</source>
        <translation>Pod 运行时长</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>default (10 s)</source>
        <translation>默认（10 秒）</translation>
    </message>
    <message>
        <source>default (%1)</source>
        <translation>默认（%1）</translation>
    </message>
    <message>
        <source>spec.parallelism: how many Pods may run at the same time.</source>
        <translation>spec.parallelism：最多可同时运行多少个 Pod。</translation>
    </message>
    <message>
        <source>spec.completions: how many Pods must succeed. Unset: the Job is done when one Pod succeeds and the others have ended (a work queue).</source>
        <translation>spec.completions：需要多少个 Pod 成功。未设置时：有一个 Pod 成功且其余 Pod 都已结束，Job 即完成（工作队列）。</translation>
    </message>
    <message>
        <source>spec.completionMode: Indexed gives each Pod an index from 0 to completions - 1, and each index must succeed once.</source>
        <translation>spec.completionMode：Indexed 为每个 Pod 分配 0 到 completions - 1 的索引，每个索引都必须成功一次。</translation>
    </message>
    <message>
        <source>spec.backoffLimit: how many Pod failures the Job tolerates before it fails.</source>
        <translation>spec.backoffLimit：Job 在失败之前可容忍多少次 Pod 失败。</translation>
    </message>
    <message>
        <source>spec.podReplacementPolicy: TerminatingOrFailed creates a replacement as soon as a Pod starts terminating; Failed waits until it has stopped.</source>
        <translation>spec.podReplacementPolicy：TerminatingOrFailed 在 Pod 开始终止时就创建替代 Pod；Failed 则等到它完全停止。</translation>
    </message>
    <message>
        <source>Scenario failures: the chance that a Pod fails (the probability of the first rule that applies to every Pod).</source>
        <translation>场景的 failures：Pod 失败的概率（适用于所有 Pod 的第一条规则的 probability）。</translation>
    </message>
    <message>
        <source>Scenario cluster.quota.pods (in a manifest: the ResourceQuota&apos;s spec.hard.pods): how many Pods the namespace may hold.</source>
        <translation>场景的 cluster.quota.pods（清单中为 ResourceQuota 的 spec.hard.pods）：命名空间中最多可存在多少个 Pod。</translation>
    </message>
    <message>
        <source>Scenario runTime: how long each Pod&apos;s container runs before it exits successfully.</source>
        <translation>场景的 runTime：每个 Pod 的容器在成功退出前运行多久。</translation>
    </message>
    <message>
        <source>The YAML does not read; fix it first.</source>
        <translation>YAML 无法读取；请先修正它。</translation>
    </message>
    <message>
        <source>The text holds no Job.</source>
        <translation>文本中没有 Job。</translation>
    </message>
    <message>
        <source>The Job is in another file (%1); open that file to change it.</source>
        <translation>Job 位于另一个文件（%1）中；请打开该文件进行修改。</translation>
    </message>
    <message>
        <source>A bare Job manifest has no quota. Add a ResourceQuota with spec.hard.pods as a second document (after ---), or make the file a scenario and set cluster.quota.pods.</source>
        <translation>单独的 Job 清单没有配额。请在第二个文档（--- 之后）中添加带 spec.hard.pods 的 ResourceQuota，或把文件改成场景并设置 cluster.quota.pods。</translation>
    </message>
    <message>
        <source>runTime is a %1 distribution; edit it in the text.</source>
        <translation>runTime 是 %1 分布；请在文本中编辑。</translation>
    </message>
    <message>
        <source>With a workQueue each Pod runs for its items (workQueue.perItem); runTime is not used.</source>
        <translation>有 workQueue 时，每个 Pod 的运行时长由其处理的工作项决定（workQueue.perItem）；不使用 runTime。</translation>
    </message>
    <message>
        <source>%1 is not written as a single value; edit it in the text.</source>
        <translation>%1 不是单个值；请在文本中编辑。</translation>
    </message>
    <message>
        <source>The text says %1, which this control cannot show; fix it in the text.</source>
        <translation>文本中的值为 %1，此控件无法显示；请在文本中修正。</translation>
    </message>
    <message>
        <source>A bare Job manifest has no failures and no Pod run time. To set them, make the file a scenario: put the manifest under job: (indented by two spaces) and add failures or runTime beside it (see %1).</source>
        <translation>单独的 Job 清单没有 failures 和 Pod 运行时长。要设置它们，请把文件改成场景：把清单放到 job: 下（缩进两个空格），并在旁边添加 failures 或 runTime（见 %1）。</translation>
    </message>
    <message>
        <source>current master</source>
        <translation>当前 master</translation>
    </message>
    <message>
        <source>Kubernetes %1</source>
        <translation>Kubernetes %1</translation>
    </message>
    <message>
        <source>Kubernetes version</source>
        <translation>Kubernetes 版本</translation>
    </message>
    <message>
        <source>default (current master)</source>
        <translation>默认（当前 master）</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>Control plane</source>
        <translation>控制平面</translation>
    </message>
    <message>
        <source>Scenario kubernetesVersion: the control plane&apos;s release. Its Job feature gates start at that release&apos;s defaults, as its kube-controller-manager and kube-apiserver have them.</source>
        <translation>场景的 kubernetesVersion：控制平面的版本。Job 特性门控的初始值取该版本 kube-controller-manager 和 kube-apiserver 的默认值。</translation>
    </message>
    <message>
        <source>featureGates.JobBackoffLimitPerIndex: spec.backoffLimitPerIndex and spec.maxFailedIndexes (as --feature-gates of kube-controller-manager).</source>
        <translation>featureGates.JobBackoffLimitPerIndex：spec.backoffLimitPerIndex 和 spec.maxFailedIndexes（同 kube-controller-manager 的 --feature-gates）。</translation>
    </message>
    <message>
        <source>featureGates.JobManagedBy: spec.managedBy, which hands the Job to another controller (as --feature-gates of kube-controller-manager).</source>
        <translation>featureGates.JobManagedBy：spec.managedBy，可把 Job 交给另一个控制器管理（同 kube-controller-manager 的 --feature-gates）。</translation>
    </message>
    <message>
        <source>featureGates.JobPodReplacementPolicy: spec.podReplacementPolicy and status.terminating (as --feature-gates of kube-controller-manager).</source>
        <translation>featureGates.JobPodReplacementPolicy：spec.podReplacementPolicy 和 status.terminating（同 kube-controller-manager 的 --feature-gates）。</translation>
    </message>
    <message>
        <source>featureGates.JobSuccessPolicy: spec.successPolicy and the SuccessCriteriaMet condition (as --feature-gates of kube-controller-manager).</source>
        <translation>featureGates.JobSuccessPolicy：spec.successPolicy 和 SuccessCriteriaMet 条件（同 kube-controller-manager 的 --feature-gates）。</translation>
    </message>
    <message>
        <source>A bare Job manifest does not say which control plane runs it. To choose a Kubernetes version or feature gates, make the file a scenario: put the manifest under job: (indented by two spaces) and add kubernetesVersion or featureGates beside it (see %1).</source>
        <translation>单独的 Job 清单不指定由哪个控制平面运行。要选择 Kubernetes 版本或特性门控，请把文件改成场景：把清单放到 job: 下（缩进两个空格），并在旁边添加 kubernetesVersion 或 featureGates（见 %1）。</translation>
    </message>
    <message>
        <source>%1 has no such gate: it exists from Kubernetes 1.%2 on. Choose a newer Kubernetes version to set it.</source>
        <translation>%1 没有这个门控：它从 Kubernetes 1.%2 起才有。要设置它，请选择更新的 Kubernetes 版本。</translation>
    </message>
    <message>
        <source>The gate is GA in %1 and locked to its default, as kube-controller-manager keeps it. Choose Kubernetes 1.%2 or older to change it.</source>
        <translation>该门控在 %1 中已 GA 并锁定为默认值，kube-controller-manager 不允许更改。要更改它，请选择 Kubernetes 1.%2 或更早的版本。</translation>
    </message>
</context>
<context>
    <name>jobscope::ui::LiveController</name>
    <message>
        <source>%1 (live, %2)</source>
        <translation>%1（实时，%2）</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>已断开连接</translation>
    </message>
    <message>
        <source>connect to a cluster first: there is no live session to record</source>
        <translation>请先连接集群：没有可录制的实时会话</translation>
    </message>
    <message>
        <source>every Job (live, %1)</source>
        <translation>每个 Job（实时，%1）</translation>
    </message>
    <message>
        <source>Jobs %1 (live, %2)</source>
        <translation>Job %1（实时，%2）</translation>
    </message>
</context>
<context>
    <name>jobscope::ui::MainWindow</name>
    <message>
        <source>cannot draw the image for %1</source>
        <translation>无法为 %1 绘制图像</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Export Plot as PNG</source>
        <translation>将图表导出为 PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Export Pod Gantt as PNG</source>
        <translation>将 Pod 甘特图导出为 PNG</translation>
    </message>
    <message>
        <source>Export Dashboard as PNG</source>
        <translation>将仪表板导出为 PNG</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Export CSV Files into Folder</source>
        <translation>将 CSV 文件导出到文件夹</translation>
    </message>
    <message>
        <source>Wrote series.csv, causes.csv, pods.csv and events.csv into %1</source>
        <translation>已将 series.csv、causes.csv、pods.csv 和 events.csv 写入 %1</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Top scenario</source>
        <translation>上方场景</translation>
    </message>
    <message>
        <source>Bottom scenario</source>
        <translation>下方场景</translation>
    </message>
    <message>
        <source>Top:</source>
        <translation>上方：</translation>
    </message>
    <message>
        <source>Bottom:</source>
        <translation>下方：</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Open Recording</source>
        <translation>打开录制</translation>
    </message>
    <message>
        <source>Open Lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <source>Lessons (*.yaml *.yml)</source>
        <translation>课程 (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Export Lesson Slides into Folder</source>
        <translation>将课程幻灯片导出到文件夹</translation>
    </message>
    <message>
        <source>Wrote %1 slides into %2</source>
        <translation>已将 %1 张幻灯片写入 %2</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>About JobScope</source>
        <translation>关于 JobScope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;JobScope %1&lt;/h3&gt;&lt;p&gt;Plays back a Kubernetes Job&apos;s Pods over time and explains every difference between the requested and the actual parallelism.&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;QCustomPlot %3&lt;br&gt;yaml-cpp %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;JobScope %1&lt;/h3&gt;&lt;p&gt;按时间回放 Kubernetes Job 的 Pod，并解释请求的并行度与实际并行度之间的每一处差异。&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;QCustomPlot %3&lt;br&gt;yaml-cpp %4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>t = %1 / %2</source>
        <translation>t = %1 / %2</translation>
    </message>
    <message>
        <source>%1[*] — JobScope</source>
        <translation>%1[*] — JobScope</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Simulating…</source>
        <translation>正在模拟…</translation>
    </message>
    <message>
        <source>line %1: </source>
        <translation>第 %1 行：</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 个错误</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 个错误</translation>
    </message>
    <message>
        <source>the views show the last good run</source>
        <translation>视图显示的是上一次成功的运行</translation>
    </message>
    <message>
        <source>1 Pod</source>
        <translation>1 个 Pod</translation>
    </message>
    <message>
        <source>%1 Pods</source>
        <translation>%1 个 Pod</translation>
    </message>
    <message>
        <source>Loaded %1 over %2</source>
        <translation>已加载 %1，时长 %2</translation>
    </message>
    <message>
        <source>Simulated %1 over %2</source>
        <translation>已模拟 %1，时长 %2</translation>
    </message>
    <message>
        <source>Nothing to show</source>
        <translation>没有可显示的内容</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Example</source>
        <translation>打开示例(&amp;E)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Simulate</source>
        <translation>模拟(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>回放(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Live</source>
        <translation>实时(&amp;L)</translation>
    </message>
    <message>
        <source>L&amp;esson</source>
        <translation>课程(&amp;E)</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>设置(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a scenario, a Job manifest or a recorded trace</source>
        <translation>打开场景、Job 清单或录制的跟踪记录</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>清空列表(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Plot as PNG…</source>
        <translation>图表 PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>Pod &amp;Gantt as PNG…</source>
        <translation>Pod 甘特图 PNG(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Dashboard as PNG…</source>
        <translation>仪表板 PNG(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;CSV Files…</source>
        <translation>CSV 文件(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Editor</source>
        <translation>编辑器(&amp;E)</translation>
    </message>
    <message>
        <source>Pod &amp;Gantt</source>
        <translation>Pod 甘特图(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Inspector</source>
        <translation>检查器(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Zoom to Fit</source>
        <translation>缩放以适应(&amp;Z)</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Run Now</source>
        <translation>立即运行(&amp;R)</translation>
    </message>
    <message>
        <source>Re-run with &amp;Another Seed</source>
        <translation>换一个随机种子重新运行(&amp;A)</translation>
    </message>
    <message>
        <source>Use the Scenario&apos;s &amp;Seed</source>
        <translation>使用场景的随机种子(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Compare…</source>
        <translation>比较(&amp;C)…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Previous Event</source>
        <translation>上一个事件</translation>
    </message>
    <message>
        <source>Next Event</source>
        <translation>下一个事件</translation>
    </message>
    <message>
        <source>◀ Cause</source>
        <translation>◀ 原因</translation>
    </message>
    <message>
        <source>Previous cause change (Shift+Left)</source>
        <translation>上一次原因变化（Shift+左）</translation>
    </message>
    <message>
        <source>Cause ▶</source>
        <translation>原因 ▶</translation>
    </message>
    <message>
        <source>Next cause change (Shift+Right)</source>
        <translation>下一次原因变化（Shift+右）</translation>
    </message>
    <message>
        <source>Jump to Start</source>
        <translation>跳到开头</translation>
    </message>
    <message>
        <source>Jump to End</source>
        <translation>跳到结尾</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>加快</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>减慢</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>循环</translation>
    </message>
    <message>
        <source>&amp;Connect to Cluster…</source>
        <translation>连接到集群(&amp;C)…</translation>
    </message>
    <message>
        <source>Open &amp;Recording…</source>
        <translation>打开录制(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Present</source>
        <translation>演示(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Open Lesson…</source>
        <translation>打开课程(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Export Lesson Slides…</source>
        <translation>导出课程幻灯片(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About JobScope</source>
        <translation>关于 JobScope(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>回放</translation>
    </message>
    <message>
        <source>Speed </source>
        <translation>速度 </translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>回放速度</translation>
    </message>
    <message>
        <source>Playback speed (+ / -)</source>
        <translation>回放速度（+ / -）</translation>
    </message>
    <message>
        <source>Playhead time</source>
        <translation>播放头时间</translation>
    </message>
    <message>
        <source>Playhead position</source>
        <translation>播放头位置</translation>
    </message>
    <message>
        <source>Drag to move the playhead</source>
        <translation>拖动以移动播放头</translation>
    </message>
    <message>
        <source>Requested and actual parallelism over time</source>
        <translation>请求的与实际的并行度随时间的变化</translation>
    </message>
    <message>
        <source>Pods over time</source>
        <translation>Pod 随时间的变化</translation>
    </message>
    <message>
        <source>Status and causes at the playhead</source>
        <translation>播放头处的状态和原因</translation>
    </message>
    <message>
        <source>Scenario editor</source>
        <translation>场景编辑器</translation>
    </message>
    <message>
        <source>Document state</source>
        <translation>文档状态</translation>
    </message>
    <message>
        <source>Cannot Open File</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them?</source>
        <translation>%1 有未保存的更改。要保存吗？</translation>
    </message>
    <message>
        <source>Cannot Save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml)</source>
        <translation>YAML 文件 (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>the Pod Gantt is not part of this build</source>
        <translation>此版本不包含 Pod 甘特图</translation>
    </message>
    <message>
        <source>the image size %1 × %2 at scale %3 is empty</source>
        <translation>图像尺寸 %1 × %2（缩放 %3）为空</translation>
    </message>
    <message>
        <source>there is no result to export yet</source>
        <translation>还没有可导出的结果</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>There is no translation for %1; the texts stay in English.</source>
        <translation>没有 %1 的翻译；文字保持英文。</translation>
    </message>
    <message>
        <source>Record to Trace</source>
        <translation>录制到跟踪记录</translation>
    </message>
    <message>
        <source>Traces (*.jsonl)</source>
        <translation>跟踪记录 (*.jsonl)</translation>
    </message>
    <message>
        <source>Cannot Record</source>
        <translation>无法录制</translation>
    </message>
    <message>
        <source>Recording Stopped</source>
        <translation>录制已停止</translation>
    </message>
    <message>
        <source>Recorded %1</source>
        <translation>已录制到 %1</translation>
    </message>
    <message>
        <source>Live: %1 over %2</source>
        <translation>实时：%2 内 %1</translation>
    </message>
    <message>
        <source>recording to %1</source>
        <translation>正在录制到 %1</translation>
    </message>
    <message>
        <source>Record the live session to a trace file</source>
        <translation>将实时会话录制到跟踪记录</translation>
    </message>
    <message>
        <source>Connect to a cluster first (Live › Connect to Cluster…)</source>
        <translation>请先连接到集群（实时 › 连接到集群…）</translation>
    </message>
    <message>
        <source>Watch a Job on a Kubernetes cluster as it runs</source>
        <translation>实时观察 Kubernetes 集群上运行中的 Job</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开连接(&amp;D)</translation>
    </message>
    <message>
        <source>Stop watching; the Job stays shown</source>
        <translation>停止观察；Job 仍保留显示</translation>
    </message>
    <message>
        <source>&amp;Follow Newest Time</source>
        <translation>跟随最新时间(&amp;F)</translation>
    </message>
    <message>
        <source>Keep the playhead at the newest time while live (End turns it on)</source>
        <translation>实时模式下让播放头停在最新时间（按 End 重新开启）</translation>
    </message>
    <message>
        <source>Record to &amp;Trace…</source>
        <translation>录制到跟踪记录(&amp;T)…</translation>
    </message>
    <message>
        <source>Stop Recordin&amp;g</source>
        <translation>停止录制(&amp;G)</translation>
    </message>
    <message>
        <source>Open Recording Folder</source>
        <translation>打开录制文件夹</translation>
    </message>
    <message>
        <source>Open Recording Fo&amp;lder…</source>
        <translation>打开录制文件夹(&amp;L)…</translation>
    </message>
    <message>
        <source>Open a folder of kubectl watch streams (watch-jobs.jsonl, watch-pods.jsonl, watch-events.jsonl)</source>
        <translation>打开 kubectl watch 流所在的文件夹（watch-jobs.jsonl、watch-pods.jsonl、watch-events.jsonl）</translation>
    </message>
    <message>
        <source>Compare Two Runs</source>
        <translation>比较两次运行</translation>
    </message>
    <message>
        <source>Choose a Run</source>
        <translation>选择一次运行</translation>
    </message>
    <message numerus="yes">
        <source>It is taller than asked so that every one of the %n Pod(s) has its row.</source>
        <translation>
            <numerusform>图像比要求的更高，以便全部 %n 个 Pod 各占一行。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (open, with unsaved edits)</source>
        <translation>%1（已打开，含未保存的修改）</translation>
    </message>
    <message>
        <source>%1 (open)</source>
        <translation>%1（已打开）</translation>
    </message>
    <message>
        <source>Export Report as PDF</source>
        <translation>导出 PDF 报告</translation>
    </message>
    <message>
        <source>&amp;Report as PDF…</source>
        <translation>PDF 报告(&amp;R)…</translation>
    </message>
    <message>
        <source>The summary, the timeline plot and the Pod Gantt with every Pod, as a PDF with selectable text</source>
        <translation>摘要、时间线图和包含所有 Pod 的 Pod 甘特图，导出为文字可选的 PDF</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Replace…</source>
        <translation>替换(&amp;R)…</translation>
    </message>
    <message>
        <source>Zoom &amp;Back</source>
        <translation>缩放后退(&amp;B)</translation>
    </message>
    <message>
        <source>Show the span of time shown before the last zoom</source>
        <translation>回到上一次缩放之前显示的时间范围</translation>
    </message>
    <message>
        <source>A recorded Job cannot be swept: open a scenario or a Job manifest</source>
        <translation>录制的 Job 无法进行参数扫描：请打开场景或 Job 清单</translation>
    </message>
    <message>
        <source>The document has no scenario that runs: correct its errors first</source>
        <translation>文档中没有可运行的场景：请先改正其中的错误</translation>
    </message>
    <message>
        <source>Run the document over a range of values and plot the completion time and the Pod-seconds against them</source>
        <translation>在一组取值上运行文档，并画出完成时间和 Pod·秒随取值的变化</translation>
    </message>
    <message>
        <source>S&amp;weep…</source>
        <translation>参数扫描(&amp;W)…</translation>
    </message>
    <message>
        <source>What If From Here</source>
        <translation>从此处假设推演</translation>
    </message>
    <message>
        <source>A sweep runs from the Job&apos;s creation and a what-if from its recording: save the what-if and sweep it as a scenario</source>
        <translation>扫描从 Job 创建时开始运行，而假设推演从录制继续：请先保存该假设推演，再把它当作场景来扫描</translation>
    </message>
    <message>
        <source>A what-if goes on from a recorded Job: open a recording or connect to a cluster</source>
        <translation>假设推演从录制的 Job 继续：请打开一个录制或连接到集群</translation>
    </message>
    <message>
        <source>The recording has nothing to go on from yet</source>
        <translation>录制中还没有可以继续的内容</translation>
    </message>
    <message>
        <source>Simulate from the playhead&apos;s moment on: up to it the recording, after it the scenario&apos;s values, which the editor and the knobs change</source>
        <translation>从播放头所在时刻起模拟：此前是录制，此后按场景的取值运行，可在编辑器和旋钮中修改</translation>
    </message>
    <message>
        <source>The recording above and the what-if below, on one time axis</source>
        <translation>上方是录制，下方是假设推演，共用同一条时间轴</translation>
    </message>
    <message>
        <source>Open a what-if first (What If From Here…)</source>
        <translation>请先打开一个假设推演（从此处假设推演…）</translation>
    </message>
    <message>
        <source>%1 holds no Job to go on with</source>
        <translation>%1 中没有可以继续的 Job</translation>
    </message>
    <message>
        <source>what-if of %1 at %2 s</source>
        <translation>%1 在第 %2 秒的假设推演</translation>
    </message>
    <message>
        <source>What-if from %1 s against the recording: %2</source>
        <translation>从第 %1 秒起的假设推演与录制相比：%2</translation>
    </message>
    <message>
        <source>What &amp;If From Here…</source>
        <translation>从此处假设推演(&amp;I)…</translation>
    </message>
    <message>
        <source>Compare &amp;With Recording</source>
        <translation>与录制对比(&amp;W)</translation>
    </message>
    <message numerus="yes">
        <source>All %n Jobs</source>
        <translation>
            <numerusform>全部 %n 个 Job</numerusform>
        </translation>
    </message>
    <message>
        <source>Job </source>
        <translation>Job </translation>
    </message>
    <message>
        <source>--job %1: %2 holds one Job</source>
        <translation>--job %1：%2 只有一个 Job</translation>
    </message>
    <message>
        <source>--job %1: %2 has no such Job (it has %3)</source>
        <translation>--job %1：%2 中没有这个 Job（它有 %3）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>A what-if goes on from one Job: choose it in the toolbar&apos;s Job list</source>
        <translation>假设推演从单个 Job 继续：请在工具栏的 Job 列表中选择它</translation>
    </message>
</context>
<context>
    <name>jobscope::ui::OverviewStrip</name>
    <message>
        <source>The whole run: drag the window to pan, click to move it there, double-click to show everything, wheel to zoom</source>
        <translation>整个运行：拖动窗口以平移，单击以移动到该处，双击显示全部，滚轮缩放</translation>
    </message>
</context>
<context>
    <name>jobscope::ui::PodGantt</name>
    <message>
        <source>index %1</source>
        <translation>索引 %1</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>terminating</source>
        <translation>终止中</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>failed (✕ exit code)</source>
        <translation>失败（✕ 退出码）</translation>
    </message>
    <message>
        <source>time since the Job was created (s)</source>
        <translation>自 Job 创建以来的时间（秒）</translation>
    </message>
    <message>
        <source>completion index</source>
        <translation>完成索引</translation>
    </message>
    <message>
        <source>Pods</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>completion index %1, attempt %2</source>
        <translation>完成索引 %1，第 %2 次尝试</translation>
    </message>
    <message>
        <source>node: not scheduled</source>
        <translation>节点：未调度</translation>
    </message>
    <message>
        <source>node: %1</source>
        <translation>节点：%1</translation>
    </message>
    <message>
        <source>created at %1 s</source>
        <translation>创建于 %1 秒</translation>
    </message>
    <message>
        <source>scheduled at %1 s</source>
        <translation>调度于 %1 秒</translation>
    </message>
    <message>
        <source>started at %1 s</source>
        <translation>启动于 %1 秒</translation>
    </message>
    <message>
        <source>ready at %1 s</source>
        <translation>就绪于 %1 秒</translation>
    </message>
    <message>
        <source>terminating from %1 s</source>
        <translation>自 %1 秒起终止中</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>finished at %1 s: %2, exit code %3</source>
        <translation>结束于 %1 秒：%2，退出码 %3</translation>
    </message>
    <message>
        <source>finished at %1 s: %2</source>
        <translation>结束于 %1 秒：%2</translation>
    </message>
    <message>
        <source>last phase seen: %1</source>
        <translation>最后观察到的阶段：%1</translation>
    </message>
    <message>
        <source>disrupted: its node went away</source>
        <translation>被中断：所在节点已消失</translation>
    </message>
    <message>
        <source>deleted at %1 s</source>
        <translation>删除于 %1 秒</translation>
    </message>
    <message>
        <source>%1 · index %2</source>
        <translation>%1 · 索引 %2</translation>
    </message>
</context>
<context>
    <name>jobscope::ui::PresentationWindow</name>
    <message>
        <source>JobScope presentation: %1</source>
        <translation>JobScope 演示：%1</translation>
    </message>
    <message>
        <source>×%1</source>
        <translation>×%1</translation>
    </message>
    <message>
        <source>What if… (K hides the knobs)</source>
        <translation>假设推演…（按 K 隐藏旋钮）</translation>
    </message>
    <message>
        <source>Reset to the lesson&apos;s run</source>
        <translation>恢复为课程中的运行</translation>
    </message>
    <message>
        <source>this value cannot be simulated</source>
        <translation>这个值无法模拟</translation>
    </message>
    <message>
        <source>unset</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>What if %1: %2 (the lesson&apos;s run: %3).</source>
        <translation>假设 %1：%2（课程中的运行：%3）。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>jobscope::ui::PresenterView</name>
    <message>
        <source>Presenter view</source>
        <translation>演讲者视图</translation>
    </message>
    <message>
        <source>Scene %1/%2 · Step %3/%4: %5</source>
        <translation>场景 %1/%2 · 步骤 %3/%4：%5</translation>
    </message>
    <message>
        <source>No notes for this step.</source>
        <translation>这一步没有备注。</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一张</translation>
    </message>
    <message>
        <source>The last slide</source>
        <translation>最后一张幻灯片</translation>
    </message>
    <message>
        <source>%1:%2 since the start</source>
        <translation>开始后 %1:%2</translation>
    </message>
</context>
<context>
    <name>jobscope::ui::StatusBadge</name>
    <message>
        <source>connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>正在重新连接</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
</context>
<context>
    <name>jobscope::ui::SweepWindow</name>
    <message>
        <source>&apos;%1&apos; is not PATH=VALUES (such as spec.parallelism=1..20 or spec.completionMode=NonIndexed,Indexed)</source>
        <translation>“%1”不是 路径=取值 的形式（例如 spec.parallelism=1..20 或 spec.completionMode=NonIndexed,Indexed）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a range A..B or A..B:STEP with A ≤ B and STEP &gt; 0</source>
        <translation>“%1”不是 A ≤ B 且 STEP &gt; 0 的范围 A..B 或 A..B:STEP</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has more than %2 values</source>
        <translation>“%1”的取值超过 %2 个</translation>
    </message>
    <message>
        <source>the grid has more than %1 points</source>
        <translation>网格超过 %1 个取值点</translation>
    </message>
    <message>
        <source>%1: cannot be read as a scenario</source>
        <translation>%1：无法作为场景读取</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 points.</source>
        <translation>已取消：%2 个取值点中已完成 %1 个。</translation>
    </message>
    <message>
        <source>%1: the point %2 cannot run: %3</source>
        <translation>%1：取值点 %2 无法运行：%3</translation>
    </message>
    <message numerus="yes">
        <source>%n simulation(s) in %1 s</source>
        <translation>
            <numerusform>%n 次模拟，用时 %1 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>completion time: not finished</source>
        <translation>完成时间：未完成</translation>
    </message>
    <message>
        <source>completion time: %1 s (median), %2 s (90th percentile)</source>
        <translation>完成时间：%1 秒（中位数），%2 秒（第 90 百分位）</translation>
    </message>
    <message>
        <source>completion time: %1 s</source>
        <translation>完成时间：%1 秒</translation>
    </message>
    <message>
        <source>Pod-seconds: %1 (median), %2 (90th percentile)</source>
        <translation>Pod·秒：%1（中位数），%2（第 90 百分位）</translation>
    </message>
    <message>
        <source>Pod-seconds: %1</source>
        <translation>Pod·秒：%1</translation>
    </message>
    <message>
        <source>peak active Pods: %1, mean %2</source>
        <translation>活跃 Pod 的峰值：%1，平均值：%2</translation>
    </message>
    <message>
        <source>failed Pods: %1</source>
        <translation>失败的 Pod：%1</translation>
    </message>
    <message>
        <source>outcome: %1 (%2 of %3 seeds finished)</source>
        <translation>结果：%1（%3 个种子中有 %2 个已结束）</translation>
    </message>
    <message>
        <source>Click to open this run.</source>
        <translation>点击打开这次运行。</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Export the Sweep as CSV</source>
        <translation>将参数扫描导出为 CSV</translation>
    </message>
    <message>
        <source>Export the Sweep Plot as PNG</source>
        <translation>将参数扫描图导出为 PNG</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Sweep %1</source>
        <translation>参数扫描 %1</translation>
    </message>
    <message>
        <source>&amp;Vary:</source>
        <translation>变化(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;And:</source>
        <translation>以及(&amp;A)：</translation>
    </message>
    <message>
        <source>path, such as spec.parallelism</source>
        <translation>路径，例如 spec.parallelism</translation>
    </message>
    <message>
        <source>a second path (optional)</source>
        <translation>第二个路径（可选）</translation>
    </message>
    <message>
        <source>First varied path</source>
        <translation>第一个变化的路径</translation>
    </message>
    <message>
        <source>Second varied path</source>
        <translation>第二个变化的路径</translation>
    </message>
    <message>
        <source>values: 1..20, 0..1:0.25 or 1,2,4,8</source>
        <translation>取值：1..20、0..1:0.25 或 1,2,4,8</translation>
    </message>
    <message>
        <source>Values of the first path</source>
        <translation>第一个路径的取值</translation>
    </message>
    <message>
        <source>Values of the second path</source>
        <translation>第二个路径的取值</translation>
    </message>
    <message>
        <source>A..B (whole numbers), A..B:STEP or a list V1,V2,… — each value is set in the document as simulate --set sets it</source>
        <translation>A..B（整数）、A..B:STEP 或列表 V1,V2,…——每个取值按 simulate --set 的方式设置到文档中</translation>
    </message>
    <message>
        <source>&amp;Seeds:</source>
        <translation>种子数(&amp;S)：</translation>
    </message>
    <message>
        <source>Run each point with the seeds 1..N (1: once, with the scenario&apos;s seed); the plot shows the medians</source>
        <translation>每个取值点用种子 1..N 各运行一次（1：用场景的种子运行一次）；图中显示中位数</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Points done</source>
        <translation>已完成的取值点</translation>
    </message>
    <message>
        <source>Run the sweep to see the completion time and the Pod-seconds against the first path, one line per value of the second.</source>
        <translation>运行参数扫描，查看完成时间和 Pod·秒随第一个路径的变化，第二个路径的每个取值一条线。</translation>
    </message>
    <message>
        <source>Hover over a point for its figures; click it to open that run.</source>
        <translation>鼠标悬停在点上可查看其数值；点击可打开那次运行。</translation>
    </message>
    <message>
        <source>Export P&amp;NG…</source>
        <translation>导出 PNG(&amp;N)…</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>导出 CSV(&amp;X)…</translation>
    </message>
</context>
<context>
    <name>jobscope::ui::TimelinePlot</name>
    <message>
        <source>Pods</source>
        <translation>Pod 数</translation>
    </message>
    <message>
        <source>time since the Job was created (s)</source>
        <translation>自 Job 创建以来的时间（秒）</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>terminating</source>
        <translation>终止中</translation>
    </message>
    <message>
        <source>, </source>
        <comment>separates cause names in one annotation</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>t = %1 s</source>
        <translation>t = %1 秒</translation>
    </message>
    <message>
        <source>%1: before the Job was created</source>
        <translation>%1：Job 尚未创建</translation>
    </message>
    <message>
        <source>requested %1 · the controller wants %2 · active %3 (ready %4)</source>
        <translation>请求 %1 · 控制器期望 %2 · 活跃 %3（就绪 %4）</translation>
    </message>
    <message>
        <source>running %1 · pending %2 · terminating %3</source>
        <translation>运行中 %1 · 等待中 %2 · 终止中 %3</translation>
    </message>
    <message>
        <source>succeeded %1 · failed %2</source>
        <translation>成功 %1 · 失败 %2</translation>
    </message>
    <message>
        <source>• %1: %2</source>
        <translation>• %1：%2</translation>
    </message>
    <message>
        <source>No cause in force: the actual parallelism is what the controller wants.</source>
        <translation>没有生效的原因：实际并行度就是控制器所期望的。</translation>
    </message>
    <message>
        <source>Causes in force, the main one first:</source>
        <translation>生效的原因（主要原因在前）：</translation>
    </message>
    <message>
        <source>finished: failed</source>
        <translation>已结束：失败</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <source>gap</source>
        <translation>差距</translation>
    </message>
    <message>
        <source>requested: the Job&apos;s parallelism, the most Pods it asks to run at once</source>
        <translation>请求：Job 的并行度，即它要求同时运行的最多 Pod 数</translation>
    </message>
    <message>
        <source>active: Pods pending or running, not terminating (the Job&apos;s status.active)</source>
        <translation>活跃：等待中或运行中、且未在终止的 Pod（Job 的 status.active）</translation>
    </message>
    <message>
        <source>running: Pods whose containers run</source>
        <translation>运行中：容器正在运行的 Pod</translation>
    </message>
    <message>
        <source>pending: Pods created but not yet running (scheduling, pulling the image)</source>
        <translation>等待中：已创建但尚未运行的 Pod（调度中、拉取镜像中）</translation>
    </message>
    <message>
        <source>terminating: Pods being deleted, still holding their resources</source>
        <translation>终止中：正在删除、仍占用资源的 Pod</translation>
    </message>
    <message>
        <source>gap: requested − active, shaded where fewer Pods are active than requested</source>
        <translation>差距：请求 − 活跃，活跃 Pod 少于请求时以阴影表示</translation>
    </message>
    <message>
        <source>%1
Click to hide or show it.</source>
        <translation>%1
点击以隐藏或显示。</translation>
    </message>
    <message numerus="yes">
        <source>%1 s · %2 Pod-seconds · %n completion(s)</source>
        <translation>
            <numerusform>%1 秒 · %2 Pod·秒 · %n 个完成</numerusform>
        </translation>
    </message>
    <message>
        <source>recorded active</source>
        <translation>录制的活跃</translation>
    </message>
    <message>
        <source>recorded requested</source>
        <translation>录制的请求</translation>
    </message>
    <message>
        <source>fork at %1 s</source>
        <translation>在第 %1 秒分叉</translation>
    </message>
    <message>
        <source>recorded: requested %1 · active %2</source>
        <translation>录制：请求 %1 · 活跃 %2</translation>
    </message>
    <message>
        <source>recorded active: the recording&apos;s active Pods after the fork, to compare the what-if with</source>
        <translation>录制的活跃：分叉之后录制中的活跃 Pod，用来与假设推演对比</translation>
    </message>
    <message>
        <source>recorded requested: the recording&apos;s parallelism after the fork, where the what-if asks for another</source>
        <translation>录制的请求：分叉之后录制中的并行度（假设推演请求的并行度与之不同时显示）</translation>
    </message>
    <message numerus="yes">
        <source>• … and %n more</source>
        <translation>
            <numerusform>• …… 另有 %n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>jobscope: internal error: %1
</source>
        <translation>jobscope: 内部错误：%1
</translation>
    </message>
    <message>
        <source>jobscope: internal error of an unknown kind
</source>
        <translation>jobscope: 未知类型的内部错误
</translation>
    </message>
    <message>
        <source>the desktop app needs a display (DISPLAY or WAYLAND_DISPLAY is unset); without one, &apos;jobscope simulate FILE --png out.png&apos; draws the plot and &apos;jobscope --help&apos; lists the other commands</source>
        <translation>桌面应用需要显示器（DISPLAY 或 WAYLAND_DISPLAY 未设置）；没有显示器时，&apos;jobscope simulate FILE --png out.png&apos; 可绘制图表，&apos;jobscope --help&apos; 列出其他命令</translation>
    </message>
</context>
</TS>
