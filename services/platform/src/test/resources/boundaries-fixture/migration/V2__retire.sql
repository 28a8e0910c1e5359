drop table retired_item;
