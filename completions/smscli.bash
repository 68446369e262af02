# bash completion for smscli (source it, or put it in /etc/bash_completion.d or
# ~/.local/share/bash-completion/completions/smscli)
_smscli_completion() {
    local IFS=$'\n' reply
    COMPREPLY=()
    while read -r reply; do
        COMPREPLY+=("$reply")
    done < <(env COMP_WORDS="${COMP_WORDS[*]}" \
                 COMP_CWORD=$COMP_CWORD \
                 COMP_LINE="$COMP_LINE" \
                 COMP_POINT=$COMP_POINT \
                 _SMSCLI_COMPLETE_CUR="$2" \
                 _SMSCLI_COMPLETE=complete_bash $1)
    # `Name=`, `file://docs/`: the word goes on, so no space after it
    if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *[=/] ]]; then
        compopt -o nospace 2>/dev/null
    fi
    return 0
}

# Candidates come in their own order (a command's options, then the global ones): not sorted (bash 4.4+).
complete -o nosort -o default -F _smscli_completion smscli 2>/dev/null ||
    complete -o default -F _smscli_completion smscli
