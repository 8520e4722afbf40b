" clusterc: files ending in .cluster are written in the .cluster language.
autocmd BufRead,BufNewFile *.cluster setfiletype cluster
