(()=>{(function(){try{var e=localStorage.getItem("dossier-theme");(e==="light"||e==="dark")&&(document.documentElement.dataset.theme=e)}catch{}})();})();
