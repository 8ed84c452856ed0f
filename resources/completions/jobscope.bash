# bash completion for jobscope(1)

_jobscope() {
    local cur prev words cword
    _init_completion || return

    local commands="reconcile simulate sweep examples record replay whatif lesson"
    local report="--series-csv --causes-csv --pods-csv --events-csv --status-csv --summary-json --png --gantt-png --pdf --width --height --lang"
    local command="" i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            --lang | --theme | --size | --at | --set | --zoom | --select | --find | --live | --live-selector | --kubeconfig | --context | --namespace | --screenshot) ((i++)) ;;
            -*) ;;
            *)
                command=${words[i]}
                break
                ;;
        esac
    done

    case $prev in
        --lang)
            COMPREPLY=($(compgen -W "en zh_CN" -- "$cur"))
            return
            ;;
        --theme)
            COMPREPLY=($(compgen -W "light dark system" -- "$cur"))
            return
            ;;
        --screenshot)
            _filedir png
            return
            ;;
        --seed | --until | --set | --vary | --seeds | --jobs | --max-pods | --width | --height | --size | --at | --zoom | --select | --find | --job | --context | \
            -n | --namespace | --timeout | --request-timeout)
            return
            ;;
        --png-dir)
            _filedir -d
            return
            ;;
        --scenario)
            _filedir '@(yaml|yml|json)'
            return
            ;;
        --kubeconfig | -o | --output | --jobs-csv | --series-csv | --causes-csv | --pods-csv | \
            --events-csv | --status-csv | --summary-json | --png | --gantt-png | --pdf)
            _filedir
            return
            ;;
    esac

    local options
    case $command in
        "")
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "--help --version --lang --theme --size --at --whatif --set --zoom --select --find --job --live --live-all-jobs --live-selector --kubeconfig --context --namespace --screenshot" -- "$cur"))
            else
                COMPREPLY=($(compgen -W "$commands" -- "$cur"))
                _filedir '@(yaml|yml|json|jsonl)'
            fi
            return
            ;;
        reconcile) options="--help --lang" ;;
        simulate) options="--help --seed --until --set --max-pods --jobs-csv $report" ;;
        sweep) options="--help --vary --seeds --set --output --png --jobs --lang" ;;
        record)
            options="--help --kubeconfig --context --namespace --job --all-jobs -l --selector --for
                --output --timeout --request-timeout --lang"
            ;;
        replay) options="--help --all-jobs -l --selector $report" ;;
        whatif) options="--help --at --set --scenario --print-scenario --job $report" ;;
        lesson) options="--help --png-dir --size --lang" ;;
        *) return ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
    elif [[ $command == replay || $command == whatif ]]; then
        _filedir
    elif [[ $command != record ]]; then
        _filedir '@(yaml|yml|json)'
    fi
} &&
    complete -F _jobscope jobscope
