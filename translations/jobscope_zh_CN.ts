<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <translation>控制器尚未做出反应：同步延迟、期望（expectations）或按 1、2、4、8 个分批的慢启动创建。</translation>
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
        <source>The Job has finished (complete or failed): it runs no more Pods.</source>
        <translation>Job 已结束（完成或失败）：不再运行任何 Pod。</translation>
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
        <source>the &apos;%1&apos; command is not available yet: %2</source>
        <translation>&apos;%1&apos; 命令尚不可用：%2</translation>
    </message>
    <message>
        <source>cannot open &apos;%1&apos; in the GUI: %2</source>
        <translation>无法在图形界面中打开 &apos;%1&apos;：%2</translation>
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
        <source>Commands:
  reconcile FILE   Run one sync of the Job controller on the state in FILE
                   and print what it does, and why, as JSON.
  simulate FILE    Simulate the Job of a scenario or manifest and write the
                   parallelism, its causes, Pods and Events (CSV, PNG).

Run &apos;jobscope &lt;command&gt; --help&apos; for the options of a command.
</source>
        <translation>命令：
  reconcile FILE   对 FILE 中的状态运行一次 Job 控制器同步，
                   并以 JSON 输出它做了什么以及原因。
  simulate FILE    模拟场景或清单中的 Job，并写出并行度及其原因、
                   Pod 和事件（CSV、PNG）。

运行 &apos;jobscope &lt;command&gt; --help&apos; 查看某个命令的选项。
</translation>
    </message>
    <message>
        <source>this build has the &apos;reconcile&apos; and &apos;simulate&apos; commands so far; the GUI and the &apos;record&apos; and &apos;replay&apos; commands arrive with later issues</source>
        <translation>此版本目前有 &apos;reconcile&apos; 和 &apos;simulate&apos; 命令；图形界面以及 &apos;record&apos; 和 &apos;replay&apos; 命令将在后续版本中提供</translation>
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
        <source>Runs one sync of the Job controller on the state in FILE and prints, as
JSON, what the controller does right now and why: the Pods it creates and
deletes, the Job status it writes, and the causes that keep the active Pods
from the requested parallelism.

The state file is YAML or JSON with the keys job (a batch/v1 Job; its status
is the status before the sync), now (the sync&apos;s clock), pods (v1 Pods or the
shorthand {name, phase, ready, index, ...}), expectations, backoff and
apiErrors. Examples are in resources/examples/states/.</source>
        <translation>对 FILE 中的状态运行一次 Job 控制器同步，并以 JSON 输出控制器此刻做什么
以及原因：它创建和删除的 Pod、它写入的 Job 状态，以及使活跃 Pod 数
达不到所请求并行度的原因。

状态文件是 YAML 或 JSON，包含以下键：job（一个 batch/v1 Job，其 status
是同步之前的状态）、now（同步的时刻）、pods（v1 Pod 对象或简写
{name, phase, ready, index, ...}）、expectations、backoff 和 apiErrors。
示例见 resources/examples/states/。</translation>
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
</context>
<context>
    <name>SimulateCommand</name>
    <message>
        <source>Simulates a Job in the world a scenario describes and writes what happened:
the requested and actual parallelism over time with the causes of every
difference (CSV and a PNG plot), the Pods&apos; lifecycles and the Events.

FILE is a scenario (docs/scenarios.md) or a bare Job manifest, which runs
with the default scenario: one roomy node, a 1 s controller sync, Pods that
run 10 s and never fail. Times in the outputs are seconds since the Job was
created. Without any output option the series CSV goes to standard output;
&apos;-&apos; as a CSV file name also means standard output.
Examples are in resources/examples/.</source>
        <translation>在场景所描述的环境中模拟一个 Job，并写出发生的情况：随时间变化的
请求并行度与实际并行度及每处差异的原因（CSV 和 PNG 图）、Pod 的
生命周期以及事件。

FILE 是一个场景（docs/scenarios.md）或单独的 Job 清单；清单使用默认场景
运行：一个资源充足的节点、1 秒的控制器同步、运行 10 秒且从不失败的 Pod。
输出中的时间是自 Job 创建以来的秒数。未给出任何输出选项时，序列 CSV
写到标准输出；CSV 文件名为 &apos;-&apos; 时也表示标准输出。
示例见 resources/examples/。</translation>
    </message>
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
        <source>Language of messages, help and the plot, such as zh_CN or en (default: the locale).</source>
        <translation>消息、帮助和图表的语言，例如 zh_CN 或 en（默认：系统区域设置）。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The scenario or Job manifest (YAML).</source>
        <translation>场景或 Job 清单（YAML）。</translation>
    </message>
    <message>
        <source>Run &apos;jobscope simulate --help&apos; for usage.</source>
        <translation>运行 &apos;jobscope simulate --help&apos; 查看用法。</translation>
    </message>
    <message>
        <source>missing the scenario FILE argument</source>
        <translation>缺少场景文件参数 FILE</translation>
    </message>
    <message>
        <source>expected one scenario FILE, got %1: %2</source>
        <translation>需要一个场景文件 FILE，实际给出了 %1 个：%2</translation>
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
        <source>--%1: &apos;%2&apos; is not a number of pixels from %3 to %4</source>
        <translation>--%1：&apos;%2&apos; 不是 %3 到 %4 之间的像素数</translation>
    </message>
    <message>
        <source>--png: the file name is empty</source>
        <translation>--png：文件名为空</translation>
    </message>
    <message>
        <source>cannot draw the PNG: no graphical application was created</source>
        <translation>无法绘制 PNG：未创建图形应用程序</translation>
    </message>
    <message>
        <source>the simulation stopped after %1 steps at %2 s; the outputs end there</source>
        <translation>模拟在 %1 步后于 %2 秒处停止；输出到此为止</translation>
    </message>
    <message>
        <source>cannot write the series to standard output</source>
        <translation>无法将序列写入标准输出</translation>
    </message>
    <message>
        <source>Job %1</source>
        <translation>Job %1</translation>
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
        <source>causes</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>requested (parallelism)</source>
        <translation>请求（并行度）</translation>
    </message>
    <message>
        <source>active Pods</source>
        <translation>活跃 Pod</translation>
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
        <source>gap: requested − active</source>
        <translation>差距：请求 − 活跃</translation>
    </message>
    <message>
        <source>, </source>
        <comment>separates cause names in one annotation</comment>
        <translation>、</translation>
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
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot write %1: the PNG encoder failed</source>
        <translation>无法写入 %1：PNG 编码器失败</translation>
    </message>
    <message>
        <source>causes:</source>
        <translation>原因：</translation>
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
</context>
</TS>
