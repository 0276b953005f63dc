"""Support for survivors: guidance, helplines, quick exit notes, disclosure requests and casework."""
