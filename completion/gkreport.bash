# bash completion for gkreport
