package issuing

// SetHook lets tests stop a batch at a stage of a chunk (see Service.hook).
func (s *Service) SetHook(h func(stage string, chunk int)) { s.hook = h }
