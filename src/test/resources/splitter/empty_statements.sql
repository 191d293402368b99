SELECT 1;;
;
  ; -- nothing here;
SELECT 2;
;